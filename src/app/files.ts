/*
 * The names of downloaded files. Words come from the page's language
 * (`afviste-raekker`, `rejected-rows`); every name is ASCII, so it survives
 * any file system, mail program and zip tool: æ ø å become ae oe aa, other
 * accents are dropped, anything else that is not a letter or digit becomes
 * a hyphen (a masked CPR number among them).
 */

const DANISH: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa' };

/**
 * A file name without its extension, from words and values.
 * @example fileName('opfølgninger', 'Nørrebro', 'uge 27 2025') // 'opfoelgninger-Noerrebro-uge-27-2025'
 */
export function fileName(...parts: readonly string[]): string {
  return parts
    .join('-')
    .replace(/[æøåÆØÅ]/g, (c) => DANISH[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
