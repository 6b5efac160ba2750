import { boardCards, type Board } from '../../../domain/board/index.ts';
import type { Cell } from '../../../domain/export/csv.ts';
import { locale } from '../../state/locale.svelte.ts';
import { weekName } from '../../state/weeks.ts';
import { capacityText, namesOf, seqText, workerName } from './format.ts';
import { m } from './messages.ts';

/*
 * The tables behind the board and its CSV: what the board shows, nothing
 * more. Cards row by row (the overdue column first), and the counts.
 */

/** A row of a DataTable. */
export interface TableRow {
  key: string;
  header: string;
  cells: (number | string | null)[];
  strong?: boolean;
}

const PLACE_KEYS = ['csv.unit', 'csv.caseworker', 'csv.column', 'csv.weekStarts', 'csv.case', 'csv.type', 'csv.seq', 'csv.due', 'csv.daysOverdue', 'csv.catchUp', 'csv.early'] as const;

/** The cards of the boards as CSV: header and rows; a week by its name with its year and its Monday as YYYY-MM-DD, dates as YYYY-MM-DD. */
export function cardsCsv(boards: readonly Board[]): { header: string[]; rows: Cell[][] } {
  const rows: Cell[][] = [];
  for (const board of boards) {
    for (const { caseworker, column, card } of boardCards(board)) {
      const week = column === 'overdue' ? null : board.weeks[column]!;
      const caughtUp = card.overdue ? weekName(card.planned.key) : null;
      rows.push([
        board.unit, caseworker, week ? weekName(week.key) : m('csv.overdue'), week ? week.monday : null, card.caseId, card.measureType, card.seq, card.due,
        card.overdue ? card.daysOverdue : null, caughtUp, card.overdue ? null : card.weeksEarly,
      ]);
    }
  }
  return { header: PLACE_KEYS.map((k) => m(k)), rows };
}

/** The cards as the table behind one board shows them. */
export function cardRows(board: Board): TableRow[] {
  const names = namesOf(board.weeks);
  return boardCards(board).map(({ caseworker, column, card }) => ({
    key: card.key,
    header: card.caseId,
    cells: [
      workerName(caseworker),
      column === 'overdue' ? m('col.overdue') : names.dated(board.weeks[column]!.key),
      card.measureType || m('types.none'),
      seqText(card.seq),
      locale.formatDate(card.due),
      card.overdue ? card.daysOverdue : null,
      card.overdue ? null : card.weeksEarly,
    ],
  }));
}

export const cardColumns = () => [m('table.case'), m('col.caseworker'), m('table.column'), m('table.type'), m('table.seq'), m('table.due'), m('table.daysOverdue'), m('table.early')];

/** The counts as a table: per swimlane its capacity, the overdue column, each week and the total; a row of totals. */
export function countRows(board: Board): TableRow[] {
  const rows: TableRow[] = board.rows.map((row) => ({
    key: row.caseworker,
    header: workerName(row.caseworker),
    cells: [row.capacity === null ? null : capacityText(row.capacity), row.overdue.count, ...row.weeks.map((c) => c.count), row.total],
  }));
  rows.push({ key: '\u0000total', header: m('row.total'), cells: [null, board.totals.overdue, ...board.totals.weeks, board.totals.cards], strong: true });
  return rows;
}

export function countColumns(board: Board): string[] {
  const names = namesOf(board.weeks);
  return [m('col.caseworker'), m('col.capacity'), m('col.overdue'), ...board.weeks.map((w) => names.dated(w.key)), m('col.total')];
}
