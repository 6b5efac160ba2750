import { readNumber, type NumberRule } from '../numbers.ts';

/*
 * The one registry type for the address: every parameter a view keeps in
 * the link is declared once, as a `Param`, and read and written only
 * through it. A link then round-trips, a field and a link clamp alike, and
 * two views can never parse one key two ways (keys are unique across the
 * app: tests/app/address.test.ts enumerates them).
 *
 * A parameter's text is what `URLSearchParams` holds (already decoded).
 * Lists are comma-separated and pairs colon-separated; a value that itself
 * holds `,` `:` or `%` has those percent-escaped, by the one codec below.
 *
 *   types=anbringelse,forebyggende   fte=Amager:4.5,Valby:3   lead=4
 */

export interface Param<T> {
  /** The name in the link, unique across the app. */
  readonly key: string;
  /** The value when the parameter is absent or unreadable; it leaves the address. */
  readonly default: T;
  /** The value of a link's text, clamped; the default when absent or unreadable. */
  read(text: string | null): T;
  /** The text for a link; null (the parameter removed) for the default. */
  write(value: T): string | null;
  /** Brings a value into range, the same way for a link and for a field. */
  clamp(value: T): T;
}

/** Writes a parameter to the address (`url.set`), for controls that only write. */
export type SetParam = <T>(param: Param<T>, value: T) => void;

interface Spec<T> {
  default: T;
  /** The value of a non-empty text, or undefined when it cannot be read. */
  parse: (text: string) => T | undefined;
  format: (value: T) => string;
  clamp?: (value: T) => T;
  equal?: (a: T, b: T) => boolean;
}

/** A parameter from how its text parses and formats; empty text and the default leave the address. */
export function param<T>(key: string, spec: Spec<T>): Param<T> {
  const clamp = spec.clamp ?? ((v: T) => v);
  const equal = spec.equal ?? Object.is;
  return {
    key,
    default: spec.default,
    clamp,
    read(text) {
      const parsed = text === null || text === '' ? undefined : spec.parse(text);
      return parsed === undefined ? spec.default : clamp(parsed);
    },
    write(value) {
      const v = clamp(value);
      if (equal(v, spec.default)) return null;
      const text = spec.format(v);
      return text === '' ? null : text;
    },
  };
}

// --- The one codec for items of lists, pairs and cells ---

/** Escapes what separates items (`,` `:`) and the escape itself (`%`). @example escapeItem('a,b') // 'a%2Cb' */
export const escapeItem = (s: string): string => s.replace(/%/g, '%25').replace(/,/g, '%2C').replace(/:/g, '%3A');

/** Undoes `escapeItem`; a stray `%` (a hand-edited link) is kept as written. */
export function unescapeItem(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** @example splitList('a,b%2Cc') // ['a', 'b,c'] */
export const splitList = (text: string): string[] => text.split(',').map(unescapeItem);
export const joinList = (items: readonly string[]): string => items.map(escapeItem).join(',');

/** Splits `name:value` at its last (unescaped) colon; null without one. */
function splitPair(item: string): [string, string] | null {
  const at = item.lastIndexOf(':');
  return at < 0 ? null : [unescapeItem(item.slice(0, at)), unescapeItem(item.slice(at + 1))];
}

const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A number of a link's text, or undefined. Links are written the English
 * way (`4.5`); a hand-edited `4,5` is read too, by the fields' own reader.
 * @example numberOf('4,5') // 4.5; numberOf(' ') // undefined
 */
export function numberOf(text: string): number | undefined {
  const read = readNumber(text, 'en', { required: true });
  return read.ok && read.value !== null && Number.isFinite(read.value) ? read.value : undefined;
}

// --- The kinds of parameter the views use ---

/** Free text, or null when absent. */
export function text(key: string): Param<string | null> {
  return param<string | null>(key, { default: null, parse: (s) => s, format: (s) => s ?? '' });
}

/** One of a fixed set of names or numbers (a choice of weeks). */
export function oneOf<const V extends string | number>(key: string, values: readonly V[], fallback: V): Param<V>;
export function oneOf<const V extends string | number>(key: string, values: readonly V[], fallback: null): Param<V | null>;
export function oneOf<const V extends string | number>(key: string, values: readonly V[], fallback: V | null): Param<V | null> {
  return param<V | null>(key, {
    default: fallback,
    parse: (s) => values.find((v) => String(v) === s),
    format: (v) => (v === null ? '' : String(v)),
    clamp: (v) => (v !== null && values.includes(v) ? v : fallback),
  });
}

/**
 * A number parameter with the rule a field for it takes (NumberField): the
 * same range a link is clamped to, where a typed number out of it is
 * refused with what the field takes instead (decision 45).
 */
export type NumberParam<T> = Param<T> & { readonly rule: NumberRule };

/** A whole number from `min` to `max`: rounded, and clamped into range (20 → 12 for a lead of at most 12). */
export function wholeNumber(key: string, range: { min: number; max: number; default: number }): NumberParam<number> {
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(range.max, Math.max(range.min, Math.round(n))) : range.default);
  const rule = { required: true, integer: true, min: range.min, max: range.max };
  return { ...param(key, { default: range.default, parse: numberOf, format: String, clamp }), rule };
}

/** A whole number of at least `min` (and at most `max`, clamped), or none (null): rounded; below `min` is none. */
export function optionalWholeNumber(key: string, min: number, max = Infinity): NumberParam<number | null> {
  const clamp = (n: number | null) => (n === null || !Number.isFinite(n) || Math.round(n) < min ? null : Math.min(max, Math.round(n)));
  const rule = max === Infinity ? { integer: true, min } : { integer: true, min, max };
  return { ...param<number | null>(key, { default: null, parse: numberOf, format: (n) => String(n), clamp }), rule };
}

/**
 * A number from `min` to `max` with up to `decimals` decimals: rounded to
 * them and clamped into range, like `wholeNumber` (99.95 → 99.9 for a
 * confidence of at most 99.9 % in tenths).
 */
export function decimalNumber(key: string, range: { min: number; max: number; default: number; decimals: number }): NumberParam<number> {
  const unit = 10 ** range.decimals;
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(range.max, Math.max(range.min, Math.round(n * unit) / unit)) : range.default);
  const rule = { required: true, min: range.min, max: range.max };
  return { ...param(key, { default: range.default, parse: numberOf, format: String, clamp }), rule };
}

/** What a field for a positive number takes: any number above 0, or none. */
const POSITIVE: NumberRule = { above: 0 };

/** A positive number (decimals allowed), or none (null). */
export function positiveNumber(key: string): NumberParam<number | null> {
  const clamp = (n: number | null) => (n !== null && Number.isFinite(n) && n > 0 ? n : null);
  return { ...param<number | null>(key, { default: null, parse: numberOf, format: (n) => String(n), clamp }), rule: POSITIVE };
}


/** On or off: `1` in the link when on, absent when off. */
export function flag(key: string): Param<boolean> {
  return param(key, { default: false, parse: (s) => (s === '1' || s === 'true' ? true : s === '0' || s === 'false' ? false : undefined), format: () => '1' });
}

/** A calendar date `YYYY-MM-DD`, or null. */
export function isoDate(key: string): Param<string | null> {
  return param<string | null>(key, { default: null, parse: (s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined), format: (s) => s ?? '' });
}

/** A list of names, each once, none empty; an empty list leaves the address. */
export function list(key: string): Param<string[]> {
  const clamp = (items: readonly string[]) => [...new Set(items)].filter((s) => s !== '');
  return param<string[]>(key, { default: [], parse: splitList, format: joinList, clamp, equal: sameList });
}

/** Some of a fixed set of names, in the set's order. */
export function someOf<const V extends string>(key: string, values: readonly V[]): Param<V[]> {
  const clamp = (items: readonly string[]) => values.filter((v) => items.includes(v));
  return param<V[]>(key, { default: [], parse: splitList as (s: string) => V[], format: joinList, clamp, equal: sameList });
}

/** Two different names (units to compare), or null. */
export function pairOf(key: string): Param<[string, string] | null> {
  const clamp = (pair: readonly string[] | null): [string, string] | null => {
    const [a, b] = pair ?? [];
    return a && b && a !== b ? [a, b] : null;
  };
  return param<[string, string] | null>(key, {
    default: null,
    parse: (s) => clamp(splitList(s)) ?? undefined,
    format: (pair) => joinList(pair ?? []),
    clamp,
    equal: (a, b) => (a === null || b === null ? a === b : sameList(a, b)),
  });
}

/**
 * A positive number per name (`Amager:4.5,Valby:3`), at most `max`; other
 * entries are left out. `rule`: what a field for one name's number takes.
 */
export function numberPerName(key: string, max = Infinity): NumberParam<Record<string, number>> {
  const clamp = (values: Readonly<Record<string, number>>) => {
    const kept: Record<string, number> = Object.create(null); // a unit may be named `__proto__`
    for (const [name, n] of Object.entries(values)) if (name !== '' && Number.isFinite(n) && n > 0 && n <= max) kept[name] = n;
    return kept;
  };
  const parse = (s: string) => {
    const values: Record<string, number> = Object.create(null);
    for (const item of s.split(',')) {
      const pair = splitPair(item);
      const n = pair ? numberOf(pair[1]) : undefined;
      if (pair && n !== undefined) values[pair[0]] = n;
    }
    return values;
  };
  const values = param<Record<string, number>>(key, {
    default: Object.create(null) as Record<string, number>,
    parse,
    format: (values) => Object.entries(values).map(([name, n]) => `${escapeItem(name)}:${n}`).join(','),
    clamp,
    equal: (a, b) => sameList(Object.entries(a).flat(), Object.entries(b).flat()),
  });
  return { ...values, rule: max === Infinity ? POSITIVE : { ...POSITIVE, max } };
}

/** A number per name with one name set, or left out with null (a field emptied). @example withName({ Amager: 4 }, 'Valby', 3) // { Amager: 4, Valby: 3 } */
export function withName(values: Readonly<Record<string, number>>, name: string, value: number | null): Record<string, number> {
  const next: Record<string, number> = Object.assign(Object.create(null), values);
  if (value === null) delete next[name];
  else next[name] = value;
  return next;
}

/** A heatmap cell: its row and column. */
export interface CellRef {
  row: string;
  col: string;
}

/** A cell as `row:col` (an empty row, a caseworker not named, is a row too), or null. */
export function cell(key: string): Param<CellRef | null> {
  return param<CellRef | null>(key, {
    default: null,
    parse: (s) => {
      const pair = splitPair(s);
      return pair ? { row: pair[0], col: pair[1] } : undefined;
    },
    format: (c) => (c ? `${escapeItem(c.row)}:${escapeItem(c.col)}` : ''),
    equal: (a, b) => a === b || (a !== null && b !== null && a.row === b.row && a.col === b.col),
  });
}

/** The keys that more than one parameter claims. @example clashes([lead, lead]) // ['lead'] */
export function clashes(params: readonly Pick<Param<unknown>, 'key'>[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { key } of params) (seen.has(key) ? twice : seen).add(key);
  return [...twice];
}
