import type { Figures } from '../../src/domain/analyze.ts';
import type { Analysis, StatusCounts } from '../../src/domain/types.ts';
import type { ImportReport } from '../../src/domain/import/report.ts';
import { prepareLevelling } from '../../src/domain/levelling/index.ts';

const counts = (c: Partial<StatusCounts>): StatusCounts => ({
  done_on_time: 0, done_late: 0, overdue: 0, upcoming: 0, missed: 0, projected: 0, ...c,
});

/** A hand-made analysis with numbers big enough to show thousands separators. */
export const analysis: Analysis = {
  asOf: '2025-06-30',
  rows: { total: 2500, accepted: 2480, rejected: 20 },
  rejections: [],
  units: ['Amager', 'Østerbro'],
  months: [],
  dueByUnitMonth: {},
  status: {
    Amager: counts({ done_on_time: 1234, done_late: 56, overdue: 7, upcoming: 89, missed: 2, projected: 300 }),
    Østerbro: counts({ done_on_time: 10, done_late: 20, overdue: 3, upcoming: 4, missed: 0, projected: 700 }),
  },
  cfd: {},
  levelling: {},
  technicalFollowUps: {},
  technicalByUnitMonth: {},
  registration: {},
  cprColumns: [],
};

/** The validation report of a file read without rejections. */
export const report: ImportReport = {
  format: 'text', encoding: 'utf-8', delimiter: ',', dateOrder: 'dmy', dateOrderDetected: false, header: [], rejections: [],
};

/** The hand-made analysis as the worker returns it: no obligations, no backlog, no rejections. */
export const figures: Figures = {
  analysis,
  obligations: [],
  backlog: { start: 0, seeds: [], rank: new Int32Array(0), catchUp: 4, firstWorkday: '2025-07-01', interval: 6, forecastEnd: '2026-06-30' },
  settings: { rules: { first: 3, interval: 6, countTechnical: false }, leadWeeks: 4, catchUpWeeks: 4, horizonMonths: 12 },
  report,
  registrations: { months: [], byMonth: {}, rows: [] },
  cases: [],
  prepared: prepareLevelling([], analysis.units, analysis.asOf),
  fixed: { due: analysis.dueByUnitMonth, status: analysis.status, prepared: prepareLevelling([], analysis.units, analysis.asOf) },
};
