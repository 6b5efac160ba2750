/*
 * Which column of a file holds which field (SPEC §3): header names are
 * matched case-insensitively, trimmed, with spaces and hyphens read as
 * underscores, in English or Danish.
 */

export type Field =
  | 'case_id'
  | 'measure_id'
  | 'unit'
  | 'caseworker'
  | 'measure_type'
  | 'event'
  | 'date'
  | 'next_due';

export const REQUIRED_FIELDS: readonly Field[] = ['case_id', 'measure_id', 'unit', 'event', 'date'];
export const FIELDS: readonly Field[] = [...REQUIRED_FIELDS, 'caseworker', 'measure_type', 'next_due'];

const ALIASES: Record<Field, readonly string[]> = {
  case_id: ['case_id', 'sagsnr', 'sagsnummer'],
  measure_id: ['measure_id', 'foranstaltning', 'foranstaltning_id'],
  unit: ['unit', 'enhed'],
  caseworker: ['caseworker', 'sagsbehandler'],
  measure_type: ['measure_type', 'foranstaltningstype', 'type'],
  event: ['event', 'hændelse'],
  date: ['date', 'dato'],
  next_due: ['next_due', 'næste_frist'],
};

const FIELD_BY_NAME = new Map<string, Field>(
  FIELDS.flatMap((field) => ALIASES[field].map((name) => [name, field] as const)),
);

/** Column index of each field found; a field named twice takes its first column. */
export type ColumnMap = Partial<Record<Field, number>>;

/** @example normalizeHeader(' Næste Frist ') // 'næste_frist' */
export function normalizeHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** @example mapColumns(['Sagsnr', 'Enhed']) // { case_id: 0, unit: 1 } */
export function mapColumns(header: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  header.forEach((name, i) => {
    const field = FIELD_BY_NAME.get(normalizeHeader(name));
    if (field !== undefined && map[field] === undefined) map[field] = i;
  });
  return map;
}

/** The required fields a map lacks. @example missingFields({ case_id: 0 }) // ['measure_id', 'unit', 'event', 'date'] */
export function missingFields(map: ColumnMap): Field[] {
  return REQUIRED_FIELDS.filter((f) => map[f] === undefined);
}

/** How a missing field can be named in a header, for messages. @example fieldNames('unit') // 'unit / enhed' */
export function fieldNames(field: Field): string {
  return ALIASES[field].join(' / ');
}
