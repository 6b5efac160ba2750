import { monthOf } from '../calendar.ts';
import { ownerAt, walkChain } from '../obligations.ts';
import type { EventRecord, IsoDate, Measure, MonthLabel, Obligation, ObligationStatus, Rules } from '../types.ts';
import type { CrossTab } from './crosstab.ts';
import { countByUnitMonth, perUnit } from './group.ts';
import { emptyStatus } from './status.ts';

/*
 * Registered against real (SPEC §6, §9): the follow-ups registered in an
 * export, and the timeliness of the follow-ups fallen due counted twice,
 * with real follow-ups only and "as registered" (technical ones counted as
 * real). What the app's registration view and the sample audit are made of.
 */

/** An accepted follow-up row, real or technical: one registration (SPEC §9 "population"). */
export interface Registration {
  /** The row's line in the export. */
  line: number;
  /** The row's own unit. */
  unit: string;
  caseId: string;
  measureId: string;
  caseworker: string;
  event: 'follow_up' | 'technical_follow_up';
  date: IsoDate;
  /** The row's own unit where a view counts it under a summed row (`unit`), as `Obligation.homeUnit`. */
  homeUnit?: string;
}

/** The statuses of a follow-up that has fallen due: done, or not done in time. */
export const PAST_STATUSES = ['done_on_time', 'done_late', 'overdue', 'missed'] as const;
export type PastStatus = (typeof PAST_STATUSES)[number];
export type PastCounts = Record<PastStatus, number>;

export const emptyPast = (): PastCounts => ({ done_on_time: 0, done_late: 0, overdue: 0, missed: 0 });

/** Follow-ups fallen due in one unit, per month: counted with real follow-ups only and as registered. */
export interface RealAndRegistered<T> {
  real: T;
  registered: T;
}

/** What the registration view draws from, made once per export with the figures. */
export interface RegistrationFigures {
  /** The months of the period statistics: the figure months up to the as-of month. */
  months: MonthLabel[];
  /** Per unit, aligned with `months`: the follow-ups due in each month, by status. */
  byMonth: Record<string, RealAndRegistered<PastCounts[]>>;
  /** Every registration, in file order. */
  rows: Registration[];
}

/**
 * The accepted follow-up rows, real and technical, in file order.
 * @example registrationRows(measures)[0] // { line: 3, unit: 'Amager', caseId: 'C1', …, event: 'follow_up', date: '2025-03-01' }
 */
export function registrationRows(measures: readonly Measure[]): Registration[] {
  const records: EventRecord[] = [];
  for (const m of measures) for (const r of m.rows) if (r.event === 'follow_up' || r.event === 'technical_follow_up') records.push(r);
  return inFileOrder(records).map((r) => ({ line: r.line, unit: r.unit, caseId: r.caseId, measureId: r.measureId, caseworker: r.caseworker, event: r.event as Registration['event'], date: r.date }));
}

/**
 * Rows in file order. A row's index is its place among the export's rows,
 * so each is put at it rather than compared (half a million follow-ups in
 * a national export); rows made some other way, whose indices repeat or
 * stray far, are sorted by them.
 */
function inFileOrder(records: readonly EventRecord[]): EventRecord[] {
  const sorted = () => [...records].sort((a, b) => a.index - b.index);
  const last = records.reduce((max, r) => Math.max(max, r.index), -1);
  if (!(last < 4 * records.length + 1024) || !records.every((r) => Number.isInteger(r.index) && r.index >= 0)) return sorted();
  const at = new Int32Array(last + 1).fill(-1);
  for (let k = 0; k < records.length; k++) {
    if (at[records[k]!.index] !== -1) return sorted();
    at[records[k]!.index] = k;
  }
  const out: EventRecord[] = [];
  for (const k of at) if (k !== -1) out.push(records[k]!);
  return out;
}

/** What the registration figures are derived from: an export's measures, the obligations derived from them, and the frame. */
export interface RegistrationSource {
  measures: readonly Measure[];
  obligations: readonly Obligation[];
  units: readonly string[];
  months: readonly MonthLabel[];
  rules: Rules;
  asOf: IsoDate;
}

const isPast = (status: ObligationStatus): status is PastStatus => status !== 'upcoming' && status !== 'projected';
const hasTechnical = (m: Measure) => m.rows.some((r) => r.event === 'technical_follow_up');

/**
 * Per unit and month of `months`, the follow-ups due in that month that have
 * fallen due (done, overdue or missed; upcoming ones are not yet due), each
 * in the unit of SPEC §5.6. `real` counts real follow-ups only;
 * `registered` counts technical follow-ups as follow-ups. `obligations` are
 * those derived from `measures` (with either rule): a measure without a
 * technical follow-up has the same chain both ways and is counted from
 * them; the chains of the others are walked again both ways, so the
 * result does not depend on the rule the obligations were derived with.
 * @example pastByUnitMonth({ measures, obligations, units: ['Valby'], months: ['2025-06'], rules: DEFAULT_RULES, asOf: '2025-06-30' }).Valby.registered[0].done_on_time
 */
export function pastByUnitMonth({ measures, obligations, units, months, rules, asOf }: RegistrationSource): Record<string, RealAndRegistered<PastCounts[]>> {
  const index = new Map(months.map((month, i) => [month, i]));
  const row = () => months.map(emptyPast);
  const out = perUnit(units, () => ({ real: row(), registered: row() }));
  const add = (into: 'real' | 'registered' | 'both', unit: string, due: IsoDate, status: ObligationStatus) => {
    const i = index.get(monthOf(due));
    if (i === undefined || !isPast(status)) return;
    const counts = out[unit]!;
    if (into !== 'registered') counts.real[i]![status]++;
    if (into !== 'real') counts.registered[i]![status]++;
  };
  const technical = measures.filter(hasTechnical);
  const walked = new Set(technical.map((m) => m.key));
  for (const o of obligations) if (!walked.has(o.measureKey)) add('both', o.unit, o.due, o.status);
  for (const m of technical) {
    const owner = ownerAt(m.rows);
    for (const into of ['real', 'registered'] as const) {
      walkChain(m, { ...rules, countTechnical: into === 'registered' }, asOf, (_seq, _created, due, _completed, status) => add(into, owner(due).unit, due, status));
    }
  }
  return out;
}

/** The months `[from, to]` of one list of counts (indexes, both included) summed. @example sumMonths(byMonth.Valby.real, 0, 2).overdue */
export function sumMonths(list: readonly PastCounts[], from: number, to: number): PastCounts {
  const total = emptyPast();
  for (let i = Math.max(0, from); i <= to && i < list.length; i++) for (const s of PAST_STATUSES) total[s] += list[i]![s];
  return total;
}

/**
 * The months `[from, to]` (indexes into the months, inclusive) summed per
 * unit: the period statistics, real and as registered.
 * @example periodCounts(figures.byMonth, ['Valby'], 0, 2).Valby.real.overdue
 */
export function periodCounts(
  byMonth: Readonly<Record<string, RealAndRegistered<readonly PastCounts[]>>>,
  units: readonly string[],
  from: number,
  to: number,
): Record<string, RealAndRegistered<PastCounts>> {
  const out = perUnit(units, () => ({ real: emptyPast(), registered: emptyPast() }));
  for (const u of units) {
    const counts = byMonth[u];
    if (counts) out[u] = { real: sumMonths(counts.real, from, to), registered: sumMonths(counts.registered, from, to) };
  }
  return out;
}

/** The counts of several units together, month by month. @example allUnits(figures.byMonth, units).real[0].overdue */
export function allUnits(byMonth: Readonly<Record<string, RealAndRegistered<readonly PastCounts[]>>>, units: readonly string[], length: number): RealAndRegistered<PastCounts[]> {
  const out = { real: Array.from({ length }, emptyPast), registered: Array.from({ length }, emptyPast) };
  for (const u of units) {
    for (const into of ['real', 'registered'] as const) {
      byMonth[u]?.[into].forEach((c, i) => {
        if (i < length) for (const s of PAST_STATUSES) out[into][i]![s] += c[s];
      });
    }
  }
  return out;
}

/** Follow-ups due in a period: the sum of its statuses. */
export const dueOf = (counts: PastCounts): number => counts.done_on_time + counts.done_late + counts.overdue + counts.missed;

/** The share done on time of those due, or null when none were due. */
export function onTimeShare(counts: PastCounts): number | null {
  const due = dueOf(counts);
  return due === 0 ? null : counts.done_on_time / due;
}

/**
 * All registrations (real and technical) per unit and month of `months`;
 * with the analysis' `technicalByUnitMonth`, the technical share.
 * @example registrationsByUnitMonth(rows, ['Valby'], ['2025-06']).Valby[0]
 */
export function registrationsByUnitMonth(rows: readonly Registration[], units: readonly string[], months: readonly MonthLabel[]): Record<string, number[]> {
  return countByUnitMonth(rows, units, months, (r) => r.unit, (r) => r.date);
}

/**
 * The technical follow-ups per unit and month (the analysis'
 * `technicalByUnitMonth`, aligned with `figureMonths`) as a heatmap's
 * cross-tab over `months`.
 * @example technicalTab(analysis.technicalByUnitMonth, analysis.units, analysis.months, figures.months).cells[0][0].total
 */
export function technicalTab(byUnitMonth: Readonly<Record<string, readonly number[]>>, units: readonly string[], figureMonths: readonly MonthLabel[], months: readonly MonthLabel[]): CrossTab {
  const at = months.map((month) => figureMonths.indexOf(month));
  let max = 0;
  const cells = units.map((row) =>
    months.map((col, c) => {
      const total = byUnitMonth[row]?.[at[c]!] ?? 0;
      max = Math.max(max, total);
      return { row, col, total, byStatus: emptyStatus() };
    }),
  );
  return { rows: [...units], cols: [...months], cells, max };
}

/** One case's registrations in a selection, for the list of cases with the most technical follow-ups. */
export interface CaseRegistrations {
  caseId: string;
  /** Units of its registrations, in the order first seen. */
  units: string[];
  technical: number;
  registrations: number;
  /** Its registrations in the selection, in date order. */
  rows: Registration[];
}

export interface RegistrationFilter {
  unit?: string | null;
  /** A month `YYYY-MM`, or null for every month in `months`. */
  month?: MonthLabel | null;
  months?: readonly MonthLabel[];
}

/**
 * The cases with technical follow-ups in a selection (a unit, a month, or
 * all), the most first; ties by case id. Each carries its registrations there.
 * @example technicalCases(rows, { unit: 'Valby' })[0].technical
 */
export function technicalCases(rows: readonly Registration[], { unit = null, month = null, months }: RegistrationFilter = {}): CaseRegistrations[] {
  const inMonths = months ? new Set(months) : null;
  const byCase = new Map<string, CaseRegistrations>();
  for (const r of rows) {
    if ((unit !== null && r.unit !== unit) || (month !== null && monthOf(r.date) !== month) || (inMonths && !inMonths.has(monthOf(r.date)))) continue;
    let c = byCase.get(r.caseId);
    if (!c) byCase.set(r.caseId, (c = { caseId: r.caseId, units: [], technical: 0, registrations: 0, rows: [] }));
    const home = r.homeUnit ?? r.unit;
    if (!c.units.includes(home)) c.units.push(home);
    c.registrations++;
    if (r.event === 'technical_follow_up') c.technical++;
    c.rows.push(r);
  }
  const out = [...byCase.values()].filter((c) => c.technical > 0);
  for (const c of out) c.rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
  return out.sort((a, b) => b.technical - a.technical || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

/**
 * The registration view's figures of one export.
 * @example registrationFigures({ measures, obligations, units, months, rules, asOf }).rows.length
 */
export function registrationFigures(source: RegistrationSource): RegistrationFigures {
  const months = source.months.filter((month) => month <= monthOf(source.asOf));
  return { months, byMonth: pastByUnitMonth({ ...source, months }), rows: registrationRows(source.measures) };
}
