import { FIRST_YEAR, LAST_YEAR } from '../../domain/import/dates.ts';
import { fieldNames } from '../../domain/import/columns.ts';
import {
  AS_WRITTEN,
  type Refusal,
  refusalText,
  rejectionText,
  type RowReason,
  say,
  type Sentences,
  type ValueStyle,
} from '../../domain/reasons.ts';
import { locale } from '../state/locale.svelte.ts';

/*
 * The domain's reasons in the page's language. English is the domain's
 * own sentence (the command line's); Danish is written here, from the same
 * codes and parameters. Values from the file are quoted as written; dates
 * Sagsflow derived are written as the page's locale writes dates.
 */

/** Every value of a row as "…": a group's heading says what its rows share. */
const ELIDED: ValueStyle = { value: () => '"…"', id: () => '"…"', date: () => '…', line: () => '…' };

const names = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');
const column = (name: string) => `kolonnen "${name}"`;
const measure = (r: { caseId: string; measureId: string }, v: ValueStyle) => `foranstaltning ${v.id(r.measureId)} i sag ${v.id(r.caseId)}`;

const EVENTS = 'iværksat/start, opfølgning, teknisk opfølgning, ophør/afsluttet (eller measure_start, follow_up, technical_follow_up, measure_end)';
const DATES = `ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ, DD.MM.ÅÅÅÅ eller DD/MM/ÅÅÅÅ, årene ${FIRST_YEAR}–${LAST_YEAR}`;

const DANISH_ROWS: Sentences<RowReason> = {
  'broken-quote': () => 'et felt i anførselstegn begynder her og slutter aldrig (et " uden sit modstykke)',
  empty: ({ columns }) =>
    columns.length > 1 ? `de påkrævede kolonner ${names(columns)} er tomme` : `den påkrævede kolonne ${names(columns)} er tom`,
  cpr: ({ columns }) =>
    `${columns.length > 1 ? `kolonnerne ${names(columns)}` : column(columns[0]!)} indeholder noget, der ligner et CPR-nummer (vises ikke); Sagsflow læser kun pseudonyme id’er`,
  'not-an-event': (r, v) => `${v.value(r.value)} i ${column(r.column)} er ikke en kendt hændelse; brug ${EVENTS}`,
  'not-a-date': (r, v) => `${v.value(r.value)} i ${column(r.column)} er ikke en dato; brug ${DATES}`,
  'next-due-not-after': (r, v) => `den næste frist ${v.date(r.nextDue)} i ${column(r.column)} ligger ikke efter rækkens dato ${v.date(r.date)}`,
  'after-as-of': (r, v) => `dateret ${v.date(r.date)}, efter opgørelsesdatoen ${v.date(r.asOf)}`,
  'no-start': (r, v) => `${measure(r, v)} har ingen start (iværksat), der kunne godkendes`,
  'second-start': (r, v) => `endnu en start af ${measure(r, v)}; den første, på linje ${v.line(r.otherLine)}, gælder`,
  'end-before-start': (r, v) => `ophøret ${v.date(r.date)} ligger før starten ${v.date(r.start)} (linje ${v.line(r.otherLine)})`,
  'second-end': (r, v) => `endnu et ophør af ${measure(r, v)}; det første, på linje ${v.line(r.otherLine)}, gælder`,
  'follow-up-before-start': (r, v) => `opfølgning dateret ${v.date(r.date)}, før starten ${v.date(r.start)} (linje ${v.line(r.otherLine)})`,
  'follow-up-after-end': (r, v) => `opfølgning dateret ${v.date(r.date)}, efter ophøret ${v.date(r.end)} (linje ${v.line(r.otherLine)})`,
  repeats: (r, v) => `gentager linje ${v.line(r.otherLine)} (samme foranstaltning, hændelse og dato)`,
};

const AGAIN = 'Gem den igen som .xlsx eller som CSV, og åbn den.';

const DANISH_REFUSALS: Sentences<Refusal> = {
  'too-large': (r) =>
    `Filen fylder ${locale.formatNumber(r.megabytes)} MB; Sagsflow læser udtræk på op til ${locale.formatNumber(r.limit)} MB. Tag et udtræk af en kortere periode eller én enhed ad gangen.`,
  'workbook-too-large': (r) =>
    `Projektmappen fylder ${locale.formatNumber(r.megabytes)} MB, når den pakkes ud; Sagsflow læser projektmapper på op til ${locale.formatNumber(r.limit)} MB udpakket. Tag et udtræk af en kortere periode eller én enhed ad gangen.`,
  binary: () => 'Dette er ikke en teksttabel (CSV eller TSV): filen indeholder binære data. Gem data som CSV, og åbn den fil.',
  'empty-file': () => 'Filen er tom: der er ingen overskriftsrække og ingen data.',
  'empty-sheet': () => 'Arket er tomt: der er ingen overskriftsrække og ingen data.',
  'header-quote': (r) =>
    `Overskriftsrækken, på linje ${r.line}, åbner et felt i anførselstegn ("), som aldrig lukkes. Ret anførselstegnet, og åbn filen igen.`,
  'missing-columns': (r) =>
    `Filen mangler påkrævede kolonner: ${names(r.missing.map(fieldNames))}. Kolonner i filen: ${r.found.length ? names(r.found) : 'ingen'}.`,
  'cpr-column': (r) => `Kolonnen "${r.column}" indeholder CPR-numre. Sagsflow læser aldrig CPR-numre: tag et udtræk med pseudonyme id’er i stedet.`,
  'ambiguous-dates': (r) =>
    `Alle datoer i filen kan læses på to måder (er ${r.sample} dag-måned eller måned-dag?). Angiv, hvilken rækkefølge filen bruger.`,
  'choose-sheet': (r) => `${locale.formatNumber(r.sheets.length)} af projektmappens ark kan være udtrækket (${r.sheets.join(', ')}). Vælg det, der indeholder det.`,
  'no-sheets': () => 'Projektmappen har ingen ark.',
  'no-such-sheet': (r) => `Projektmappen har intet ark med navnet "${r.sheet}".`,
  'damaged-workbook': ({ cell }) =>
    `Projektmappen er beskadiget${cell ? ` (række ${cell.row}, kolonne ${cell.column})` : ''} og kan ikke læses. ${AGAIN}`,
  xls: () => 'Dette er en gammel Excel-fil (.xls), som Sagsflow ikke kan læse. Gem den som .xlsx eller som CSV, og åbn den.',
  'not-xlsx': () => `Filen er ikke en Excel-projektmappe (.xlsx), der kan læses. ${AGAIN}`,
};

/** Dates as the Danish page writes them (`1. juli 2025`); values and ids as written. */
const DANISH_VALUES: ValueStyle = { ...AS_WRITTEN, date: (d) => locale.formatDate(d) };

/** Why a row was rejected, in the page's language. */
export function reasonSentence(reason: RowReason): string {
  return locale.lang === 'da' ? say(DANISH_ROWS, reason, DANISH_VALUES) : rejectionText(reason);
}

/** What a group's rejections share, in the page's language: the reason with each row's own values as "…". */
export function groupSentence(reason: RowReason): string {
  return locale.lang === 'da' ? say(DANISH_ROWS, reason, ELIDED) : rejectionText(reason, ELIDED);
}

/** Why a file was refused whole, in the page's language. */
export function refusalSentence(refusal: Refusal): string {
  return locale.lang === 'da' ? say(DANISH_REFUSALS, refusal, AS_WRITTEN) : refusalText(refusal);
}
