/*
 * The heatmaps' view state as URL parameters, so a view can be shared by its
 * link. Lists are comma-separated and pairs colon-separated; a unit or type
 * name that itself holds `,` `:` or `%` has those escaped.
 *
 *   types=anbringelse,forebyggende   fte=Amager:4.5,Valby:3   cap=40
 *   unit=Valby   wcap=6   cell=Amager:2025-04   wcell=AB:2025-W23
 */

const escapeItem = (s: string): string => s.replace(/%/g, '%25').replace(/,/g, '%2C').replace(/:/g, '%3A');
function unescapeItem(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** @example parseList('a,b%2Cc') // ['a', 'b,c'] */
export function parseList(value: string | null): string[] {
  if (!value) return [];
  return value.split(',').map(unescapeItem).filter((s) => s !== '');
}

/** Null for an empty list, so the parameter disappears. */
export function formatList(items: readonly string[]): string | null {
  return items.length === 0 ? null : items.map(escapeItem).join(',');
}

/** FTE per unit; entries that are not a positive number are left out. @example parseFte('Amager:4.5,Valby:3') */
export function parseFte(value: string | null): Record<string, number> {
  const fte: Record<string, number> = Object.create(null); // a unit may be named `__proto__`
  for (const item of (value ?? '').split(',')) {
    const at = item.lastIndexOf(':');
    if (at <= 0) continue;
    const n = Number(item.slice(at + 1));
    if (Number.isFinite(n) && n > 0) fte[unescapeItem(item.slice(0, at))] = n;
  }
  return fte;
}

/** FTEs with one entry set, or left out with null. @example withFte({ Amager: 4 }, 'Valby', 3) // { Amager: 4, Valby: 3 } */
export function withFte(fte: Readonly<Record<string, number>>, name: string, value: number | null): Record<string, number> {
  const next: Record<string, number> = Object.assign(Object.create(null), fte);
  if (value === null) delete next[name];
  else next[name] = value;
  return next;
}

export function formatFte(fte: Readonly<Record<string, number>>): string | null {
  const items = Object.entries(fte).filter(([, n]) => Number.isFinite(n) && n > 0);
  return items.length === 0 ? null : items.map(([unit, n]) => `${escapeItem(unit)}:${n}`).join(',');
}

/** A capacity: a positive number, else null (no outline). */
export function parseCapacity(value: string | null): number | null {
  const n = Number(value);
  return value !== null && value !== '' && Number.isFinite(n) && n > 0 ? n : null;
}

export interface CellRef {
  row: string;
  col: string;
}

/** @example parseCell('Amager:2025-04') // { row: 'Amager', col: '2025-04' } */
export function parseCell(value: string | null): CellRef | null {
  const at = value?.lastIndexOf(':') ?? -1;
  if (!value || at < 0) return null;
  return { row: unescapeItem(value.slice(0, at)), col: unescapeItem(value.slice(at + 1)) };
}

export function formatCell(cell: CellRef | null): string | null {
  return cell ? `${escapeItem(cell.row)}:${escapeItem(cell.col)}` : null;
}
