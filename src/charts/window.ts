/**
 * Which rows of a long list a scrolled viewport shows: the rows in view and
 * `overscan` rows either side, with the heights of the space above and
 * below them, so a list of 100,000 rows draws a few dozen and scrolls as
 * if it held them all. Rows are of one height; a scroll past the end shows
 * the last rows.
 * @example rowWindow({ count: 1000, rowHeight: 20, scrollTop: 200, viewport: 100, overscan: 5 })
 *   // { start: 5, end: 20, before: 100, after: 19600 }
 */
export function rowWindow({ count, rowHeight, scrollTop, viewport, overscan }: { count: number; rowHeight: number; scrollTop: number; viewport: number; overscan: number }): {
  start: number;
  end: number;
  before: number;
  after: number;
} {
  const height = rowHeight > 0 ? rowHeight : 1;
  // Scrolled past the end (a list that just got shorter): its last rows.
  const top = Math.max(0, Math.min(scrollTop, count * height - viewport));
  const start = Math.min(count, Math.max(0, Math.floor(top / height) - overscan));
  const end = Math.min(count, Math.max(start, Math.ceil((top + Math.max(0, viewport)) / height) + overscan));
  return { start, end, before: start * height, after: (count - end) * height };
}
