/*
 * CPR numbers (the Danish personal id, ddmmyy-xxxx) must never reach the
 * screen. A column is taken for a CPR column when most of its values are
 * CPR numbers, or, for a column Sagsflow does not read anyway, when any
 * value is a dashed one (ten digits alone are too common in ids to flag a
 * column for one). A stray CPR number in a column that is read is the
 * reader's to reject or hide, value by value.
 */

const DASHED = /^(\d{2})(\d{2})\d{2}-\d{4}$/;
const UNDASHED = /^(\d{2})(\d{2})\d{6}$/;
// Digits, not word boundaries, delimit a number: 'x010190-1234' holds one.
const ANYWHERE = /(?<!\d)\d{6}-?\d{4}(?!\d)/g;
const DASHED_INSIDE = /(?<!\d)(\d{2})(\d{2})\d{2}-\d{4}(?!\d)/g;

function hasCprDate(m: RegExpExecArray | null): boolean {
  if (!m) return false;
  const day = +m[1]!;
  const month = +m[2]!;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** @example isCpr('010190-1234') // true */
export function isCpr(value: string): boolean {
  const s = value.trim();
  if (s.length !== 10 && s.length !== 11) return false;
  return hasCprDate(DASHED.exec(s)) || hasCprDate(UNDASHED.exec(s));
}

/**
 * Whether a value is a CPR number or has a dashed one inside it
 * ('C-010190-1234'): ten digits inside a longer id are too common to tell.
 * @example holdsCpr('sag 010190-1234') // true
 */
export function holdsCpr(value: string): boolean {
  if (isCpr(value)) return true;
  if (value.length < 12) return false;
  for (const m of value.matchAll(DASHED_INSIDE)) if (hasCprDate(m)) return true;
  return false;
}

/**
 * The indices of columns that hold CPR numbers; `read` are the columns
 * whose values Sagsflow reads.
 * @example cprColumns([{ fields: ['010190-1234', 'Amager'] }], 2, new Set([1])) // [0]
 */
export function cprColumns(rows: readonly { fields: readonly string[] }[], width: number, read: ReadonlySet<number>): number[] {
  const filled = new Int32Array(width);
  const cpr = new Int32Array(width);
  const dashed = new Uint8Array(width);
  for (const { fields } of rows) {
    const n = Math.min(width, fields.length);
    for (let col = 0; col < n; col++) {
      const raw = fields[col]!;
      if (raw === '') continue;
      // Only values of a CPR number's length, give or take spaces, are looked at closely.
      if (raw.length < 10 || raw.length > 16) {
        filled[col]!++;
        continue;
      }
      const v = raw.trim();
      if (v === '') continue;
      filled[col]!++;
      if (isCpr(v)) {
        cpr[col]!++;
        if (v.length === 11) dashed[col] = 1;
      }
    }
  }
  const flagged: number[] = [];
  for (let col = 0; col < width; col++) {
    if (cpr[col]! * 2 > filled[col]! || (dashed[col] && !read.has(col))) flagged.push(col);
  }
  return flagged;
}

/** Hides anything shaped like a CPR number in a text. @example maskCpr('id 010190-1234') // 'id ••••••-••••' */
export function maskCpr(text: string): string {
  return text.replace(ANYWHERE, '••••••-••••');
}
