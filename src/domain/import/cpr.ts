/*
 * CPR numbers (the Danish personal id, ddmmyy-xxxx) must never reach the
 * screen. A column is taken for a CPR column when most of its values are
 * CPR numbers, or, for a column Sagsflow does not read anyway, when any
 * value is a dashed one (ten digits alone are too common in ids to flag a
 * column for one). A stray CPR number in a column that is read is the
 * reader's to reject or hide, value by value; an id keeps its row with the
 * digits masked and a number of its own (`maskIds`).
 *
 * "Dashed" is any way a person or a word processor writes the gap: a
 * hyphen, an en or em dash, a non-breaking hyphen (U+2011), a minus sign,
 * or a space, no-break and narrow ones included (`010190 1234`,
 * `010190–1234`).
 */

const GAP = String.raw`[\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d\s]`;
const DASHED = new RegExp(String.raw`^(\d{2})(\d{2})\d{2}${GAP}\d{4}$`);
const UNDASHED = /^(\d{2})(\d{2})\d{6}$/;
// Digits, not word boundaries, delimit a number: 'x010190-1234' holds one.
const ANYWHERE = new RegExp(String.raw`(?<!\d)\d{6}${GAP}?\d{4}(?!\d)`, 'g');
const SOMEWHERE = new RegExp(ANYWHERE.source);
const DASHED_INSIDE = new RegExp(String.raw`(?<!\d)(\d{2})(\d{2})\d{2}${GAP}\d{4}(?!\d)`, 'g');
/** What `maskCpr` puts in a CPR number's place. */
export const CPR_MASK = '••••••-••••';

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
  const count = new CprCount(width);
  for (const { fields } of rows) count.add(fields);
  return count.columns(read);
}

/** cprColumns a row at a time, for a reader that does not keep its rows. */
export class CprCount {
  private readonly filled: Int32Array;
  private readonly cpr: Int32Array;
  private readonly dashed: Uint8Array;
  constructor(private readonly width: number) {
    this.filled = new Int32Array(width);
    this.cpr = new Int32Array(width);
    this.dashed = new Uint8Array(width);
  }

  add(fields: readonly string[]): void {
    const n = Math.min(this.width, fields.length);
    for (let col = 0; col < n; col++) {
      const raw = fields[col]!;
      if (raw === '') continue;
      // Only values of a CPR number's length, give or take spaces, are looked at closely.
      if (raw.length < 10 || raw.length > 16) {
        this.filled[col]!++;
        continue;
      }
      const v = raw.trim();
      if (v === '') continue;
      this.filled[col]!++;
      if (isCpr(v)) {
        this.cpr[col]!++;
        if (v.length === 11) this.dashed[col] = 1;
      }
    }
  }

  /** The columns that hold CPR numbers, of the rows added so far. */
  columns(read: ReadonlySet<number>): number[] {
    const flagged: number[] = [];
    for (let col = 0; col < this.width; col++) {
      if (this.cpr[col]! * 2 > this.filled[col]! || (this.dashed[col] && !read.has(col))) flagged.push(col);
    }
    return flagged;
  }
}

/** Hides anything shaped like a CPR number in a text. @example maskCpr('id 010190 1234') // 'id ••••••-••••' */
export function maskCpr(text: string): string {
  return text.replace(ANYWHERE, CPR_MASK);
}

/**
 * Ids as Sagsflow keeps them: an id with CPR-shaped digits in it
 * (`Barn 0101901234`) is masked and numbered by first appearance
 * (`Barn ••••••-•••• #1`), so two ids that differ only in the masked digits
 * stay two cases, and one id is always given the same number. An id that
 * already holds the mask's dot is numbered the same way, so no id written
 * in the file can equal a numbered one. Every other id is kept as written.
 * One masker per column of one file: the numbers are that file's.
 * @example const id = maskIds(); [id('C0101901234'), id('C0202901234'), id('C0101901234'), id('C7')] // ['C••••••-•••• #1', 'C••••••-•••• #2', 'C••••••-•••• #1', 'C7']
 */
export function maskIds(): (id: string) => string {
  const given = new Map<string, string>();
  const used = new Map<string, number>();
  return (id) => {
    if (!mayNeedMask(id)) return id;
    let kept = given.get(id);
    if (kept !== undefined) return kept;
    const masked = maskCpr(id);
    const n = (used.get(masked) ?? 0) + 1;
    used.set(masked, n);
    kept = `${masked} #${n}`;
    given.set(id, kept);
    return kept;
  };
}

/**
 * Whether an id holds the mask's dot or CPR-shaped digits. A CPR number is a
 * run of exactly ten digits, or of exactly six before its gap, so an id
 * without such a run is ruled out without a regular expression.
 */
function mayNeedMask(id: string): boolean {
  let run = 0;
  let candidate = false;
  for (let i = 0; i <= id.length; i++) {
    const c = i < id.length ? id.charCodeAt(i) : -1;
    if (c === 0x2022) return true;
    if (c >= 48 && c <= 57) run++;
    else {
      if (run === 10 || run === 6) candidate = true;
      run = 0;
    }
  }
  return candidate && SOMEWHERE.test(id);
}
