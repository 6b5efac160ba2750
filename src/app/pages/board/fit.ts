import type { Board } from '../../../domain/board/index.ts';

/*
 * How big a printed board's cards can be so the unit fits on one A3
 * landscape page, readable from a distance when there is room: cards of
 * two lines (case, follow-up and mark; due date and type) as long as they
 * fit at a good size, else one line each, smaller, down to a floor below
 * which the board spills onto more pages (the header repeats on each).
 *
 * The model is the sheet's CSS (print.css) in millimetres: a fixed head
 * and foot, a row per caseworker as tall as its fullest cell (cards have a
 * fixed height), and an overdue column twice as wide with its cards in two
 * columns. Widths come from the cards' own text, measured in the sheet's
 * font; what does not fit is cut with an ellipsis, never wrapped.
 */

/** Millimetres per point. */
const PT = 25.4 / 72;

export const SHEET = {
  /** A3 landscape, less 8 mm margins. */
  width: 404,
  height: 281,
  /** Title, settings and legend; the column heads; the totals and the notes rows. */
  fixed: 19 + 7.5 + 6 + 13.5,
  /** The caseworker column and the total column. */
  label: 22,
  total: 11,
  /** A row's padding and rule; a cell's padding on each side. */
  rowChrome: 1.1,
  cellPadding: 0.8,
  lineHeight: 1.15,
  /** The gap between two cards. */
  gap: { full: 0.5, line: 0.25 },
  /** A swimlane's name and its capacity: two lines. */
  labelLines: 2,
} as const;

export type SheetMode = 'full' | 'line';

export interface SheetFit {
  mode: SheetMode;
  /** The cards' font size in points, in half points. */
  pt: number;
  /** Whether the board fits on one page at this size (else it spills, header repeated). */
  onePage: boolean;
}

const FULL_SIZES = [12, 11.5, 11, 10.5, 10, 9.5, 9];
const LINE_SIZES = [12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6];
/** One-line cards of a board that spills over pages. */
const SPILL_PT = 8;

/** Lines a cell of `n` cards takes in `columns` columns. */
const linesOf = (n: number, columns: number) => Math.ceil(n / columns);

/** The height in mm the board's rows take at a size and mode. */
export function rowsHeight(board: Pick<Board, 'rows'>, mode: SheetMode, pt: number): number {
  const line = pt * PT * SHEET.lineHeight;
  const card = (mode === 'full' ? 2 : 1) * line + SHEET.gap[mode];
  let height = 0;
  for (const row of board.rows) {
    let cards = linesOf(row.overdue.cards.length, 2);
    for (const cell of row.weeks) cards = Math.max(cards, cell.cards.length);
    height += SHEET.rowChrome + Math.max(SHEET.labelLines * line, cards * card);
  }
  return height;
}

/** Width in mm of a week column (the overdue column has two of these side by side). */
export function columnWidth(weeks: number): number {
  return (SHEET.width - SHEET.label - SHEET.total) / (weeks + 2);
}

/** The font size at which cards are measured (`widest`). */
export const MEASURED_PT = 10;

/**
 * The largest cards a board's page can take: two-line cards at 9 pt or
 * more when they fit, else one-line cards down to 6 pt; a board too big
 * for one page even then spills at 8 pt. `widest` is
 * the width in mm, at 10 pt, of the widest line a card of each kind must
 * show whole (text widths grow with the font size).
 * @example fitSheet(board, { full: 20, line: 30 }).mode // 'full' for a small unit
 */
export function fitSheet(board: Pick<Board, 'rows' | 'weeks'>, widest: Readonly<Record<SheetMode, number>>): SheetFit {
  const room = SHEET.height - SHEET.fixed;
  const width = columnWidth(board.weeks.length) - 2 * SHEET.cellPadding;
  for (const [mode, sizes] of [['full', FULL_SIZES], ['line', LINE_SIZES]] as const) {
    for (const pt of sizes) {
      if ((widest[mode] * pt) / MEASURED_PT <= width && rowsHeight(board, mode, pt) <= room) return { mode, pt, onePage: true };
    }
  }
  // Too many for one page even at the smallest: they spill anyway, so at a size that reads.
  if (rowsHeight(board, 'line', LINE_SIZES.at(-1)!) > room) return { mode: 'line', pt: SPILL_PT, onePage: false };
  // Few but too wide: the smallest, their middle cut.
  return { mode: 'line', pt: LINE_SIZES.at(-1)!, onePage: true };
}
