import type { EventKind, IsoDate } from '../types.ts';

/** The fields of a generated row that a variant can write, as columns. */
export type Field =
  | 'caseId'
  | 'measureId'
  | 'unit'
  | 'caseworker'
  | 'measureType'
  | 'event'
  | 'date'
  | 'nextDue'
  | 'note';

export type VariantName = 'canonical' | 'danish-excel' | 'tab' | 'bom';
export const VARIANT_NAMES: readonly VariantName[] = ['canonical', 'danish-excel', 'tab', 'bom'];

/**
 * How one kind of export file looks. Every variant carries the same rows
 * and must give the same analysis; only the spelling differs.
 */
export interface Variant {
  /** Columns in file order, with their header names. */
  columns: readonly (readonly [Field, string])[];
  events: Readonly<Record<EventKind, string>>;
  formatDate: (d: IsoDate) => string;
  delimiter: string;
  newline: '\n' | '\r\n';
  /** Quote every field, not only those that need it. */
  quoteAll: boolean;
  /** Start with a UTF-8 byte-order mark. */
  bom: boolean;
  /** The bytes the text is meant to be written as. */
  encoding: 'utf-8' | 'windows-1252';
}

const ENGLISH_EVENTS = {
  measure_start: 'measure_start',
  follow_up: 'follow_up',
  technical_follow_up: 'technical_follow_up',
  measure_end: 'measure_end',
} as const;

/** `YYYY-MM-DD` → `DD<sep>MM<sep>YYYY`. */
function dayFirst(sep: string): (d: IsoDate) => string {
  return (d) => `${d.slice(8, 10)}${sep}${d.slice(5, 7)}${sep}${d.slice(0, 4)}`;
}

/**
 * The four file variants:
 * - `canonical`: SPEC §3 as written: UTF-8, `,`, LF, `YYYY-MM-DD`, English names;
 * - `danish-excel`: what Danish Excel saves: `;`, CRLF, `DD-MM-YYYY`, Danish
 *   headers and events, a remarks column, columns in another order, Windows-1252;
 * - `tab`: tab-separated, `DD.MM.YYYY`, English headers in mixed case;
 * - `bom`: UTF-8 with a byte-order mark, every field quoted, CRLF, `DD/MM/YYYY`,
 *   the other Danish aliases (`sagsnummer`, `type`, `start`, `afsluttet` …) in mixed case.
 * @example VARIANTS['danish-excel'].events.follow_up // 'opfølgning'
 */
export const VARIANTS: Readonly<Record<VariantName, Variant>> = {
  canonical: {
    columns: [
      ['caseId', 'case_id'],
      ['measureId', 'measure_id'],
      ['unit', 'unit'],
      ['caseworker', 'caseworker'],
      ['measureType', 'measure_type'],
      ['event', 'event'],
      ['date', 'date'],
      ['nextDue', 'next_due'],
    ],
    events: ENGLISH_EVENTS,
    formatDate: (d) => d,
    delimiter: ',',
    newline: '\n',
    quoteAll: false,
    bom: false,
    encoding: 'utf-8',
  },
  'danish-excel': {
    columns: [
      ['date', 'dato'],
      ['caseId', 'sagsnr'],
      ['event', 'hændelse'],
      ['unit', 'enhed'],
      ['measureId', 'foranstaltning'],
      ['note', 'bemærkning'],
      ['measureType', 'foranstaltningstype'],
      ['caseworker', 'sagsbehandler'],
      ['nextDue', 'næste_frist'],
    ],
    events: {
      measure_start: 'iværksat',
      follow_up: 'opfølgning',
      technical_follow_up: 'teknisk administrativ opfølgning',
      measure_end: 'ophør',
    },
    formatDate: dayFirst('-'),
    delimiter: ';',
    newline: '\r\n',
    quoteAll: false,
    bom: false,
    encoding: 'windows-1252',
  },
  tab: {
    columns: [
      ['unit', 'Unit'],
      ['caseId', 'Case_ID'],
      ['measureId', 'Measure_ID'],
      ['measureType', 'Measure_Type'],
      ['caseworker', 'Caseworker'],
      ['event', 'Event'],
      ['date', 'Date'],
      ['nextDue', 'Next_Due'],
    ],
    events: ENGLISH_EVENTS,
    formatDate: dayFirst('.'),
    delimiter: '\t',
    newline: '\n',
    quoteAll: false,
    bom: false,
    encoding: 'utf-8',
  },
  bom: {
    columns: [
      ['caseId', 'Sagsnummer'],
      ['measureId', 'Foranstaltning_ID'],
      ['measureType', 'Type'],
      ['unit', 'Enhed'],
      ['caseworker', 'Sagsbehandler'],
      ['event', 'Hændelse'],
      ['date', 'Dato'],
      ['nextDue', 'Næste_frist'],
      ['note', 'Bemærkning'],
    ],
    events: {
      measure_start: 'Start',
      follow_up: 'Opfølgning',
      technical_follow_up: 'Teknisk opfølgning',
      measure_end: 'Afsluttet',
    },
    formatDate: dayFirst('/'),
    delimiter: ',',
    newline: '\r\n',
    quoteAll: true,
    bom: true,
    encoding: 'utf-8',
  },
};
