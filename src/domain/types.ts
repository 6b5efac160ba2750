/**
 * The shapes that flow through the domain core (docs/SPEC.md).
 *
 * Dates are calendar dates as `YYYY-MM-DD` strings: they sort and compare
 * correctly as strings and can never shift a day through a time zone.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A month label, `YYYY-MM`. */
export type MonthLabel = string;
/** An ISO week label, `YYYY-Www`, with the ISO week-year. */
export type WeekLabel = string;

export type EventKind = 'measure_start' | 'follow_up' | 'technical_follow_up' | 'measure_end';

/** One data row whose fields could all be read (SPEC §3.1 check 1 passed). */
export interface EventRecord {
  /** Line in the file where the row starts (the header is line 1). */
  line: number;
  /** Position among the data rows, in file order (0-based). */
  index: number;
  caseId: string;
  measureId: string;
  unit: string;
  caseworker: string;
  measureType: string;
  event: EventKind;
  date: IsoDate;
  nextDue: IsoDate | null;
}

/** A measure that survived validation, with its accepted rows in file order. */
export interface Measure {
  key: string;
  caseId: string;
  measureId: string;
  measureType: string;
  start: IsoDate;
  end: IsoDate | null;
  /** Every accepted row of the measure (start, follow-ups, end), in file order. */
  rows: EventRecord[];
}

export interface Rules {
  /** Months from the start of a measure to its first follow-up (default 3). */
  first: number;
  /** Months between later follow-ups (default 6). */
  interval: number;
  /** Count technical follow-ups as follow-ups (the "as registered" view; default off). */
  countTechnical: boolean;
}

export type ObligationStatus =
  | 'done_on_time'
  | 'done_late'
  | 'overdue'
  | 'upcoming'
  | 'missed'
  | 'projected';

export const STATUSES: readonly ObligationStatus[] = [
  'done_on_time',
  'done_late',
  'overdue',
  'upcoming',
  'missed',
  'projected',
];

/** One follow-up that is owed for a measure (SPEC §5). */
export interface Obligation {
  measureKey: string;
  caseId: string;
  measureId: string;
  measureType: string;
  /** 1-based position in the measure's chain. */
  seq: number;
  created: IsoDate;
  due: IsoDate;
  /** When it was completed: a follow-up's date; for projected ones the assumed date. */
  completed: IsoDate | null;
  status: ObligationStatus;
  /** The measure's end, where it has one (for `missed` in the flow). */
  measureEnd: IsoDate | null;
  unit: string;
  caseworker: string;
  /**
   * The unit it is of, where a view counts it under a summed row ("Other
   * 16 units", `unit`): what a list of follow-ups shows (DECISIONS, "Many units").
   */
  homeUnit?: string;
}

export type StatusCounts = Record<ObligationStatus, number>;

export interface CfdPoint {
  date: IsoDate;
  created: number;
  done: number;
  missed: number;
  overdue: number;
  upcoming: number;
}

export interface LevellingSummary {
  jobs: number;
  /** Overdue obligations of the unit: caught up over the first weeks, a fixed load of every plan (SPEC §7.1). */
  backlog: number;
  baselinePeak: number;
  shiftPeak: number;
  levelledPeak: number;
  lowerBound: number;
  meanDaysEarly: number;
}

/** The registration statistic of one unit (SPEC §6). */
export interface RegistrationCounts {
  /** Measures with at least one obligation that is done, missed or overdue (real follow-ups only). */
  measures: number;
  /** Of those, the ones the old rule shows as late, real follow-ups only. */
  flaggedLate: number;
  /** The same with technical follow-ups counted as follow-ups. */
  flaggedLateAsRegistered: number;
  /** Of those, the ones with an overdue obligation now (real follow-ups only). */
  overdueNow: number;
}

export interface AnalyzeOptions {
  asOf?: IsoDate;
  rules?: Partial<Rules>;
  /** Weeks a follow-up may be started before its due week (default 4). */
  leadWeeks?: number;
  /** Weeks over which each unit's backlog is caught up (default 4, 1–26). */
  catchUpWeeks?: number;
  /** Months of forecast after the as-of month (default 12, at least 6). */
  horizonMonths?: number;
}

/** The JSON object of SPEC §8, plus a few keys the UI needs. */
export interface Analysis {
  asOf: IsoDate;
  rows: { total: number; accepted: number; rejected: number };
  rejections: { line: number; reason: string }[];
  units: string[];
  months: MonthLabel[];
  dueByUnitMonth: Record<string, number[]>;
  status: Record<string, StatusCounts>;
  cfd: Record<string, CfdPoint[]>;
  levelling: Record<string, LevellingSummary>;
  technicalFollowUps: Record<string, number>;
  technicalByUnitMonth: Record<string, number[]>;
  registration: Record<string, RegistrationCounts>;
  /** Columns that looked like CPR numbers and were dropped unread. */
  cprColumns: string[];
}
