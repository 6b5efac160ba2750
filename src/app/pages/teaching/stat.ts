import { STATUS_COLORS } from '../../../charts/colors.ts';
import type { RegistrationAt } from '../../../domain/teaching/view.ts';
import { m as regWords } from '../overview/messages.ts';
import { m } from './messages.ts';

/*
 * The registration statistic's three bars (SPEC §6), in the order a room
 * reads them: what the old statistic showed with technical follow-ups
 * counted, what it shows by real follow-ups, and what is overdue now:
 * short words on the chart, the overview's full ones over the table.
 * Colours of the status palette: upcoming's blue (it looks fine), late, overdue.
 */

export const STAT_SERIES = [
  { key: 'registered', label: () => m('stat.registered'), column: () => regWords('reg.registered'), color: STATUS_COLORS.upcoming, value: (u: RegistrationAt) => u.flaggedLateAsRegistered },
  { key: 'flagged', label: () => m('stat.flagged'), column: () => regWords('reg.flagged'), color: STATUS_COLORS.done_late, value: (u: RegistrationAt) => u.flaggedLate },
  { key: 'overdue', label: () => m('stat.overdue'), column: () => regWords('reg.overdue'), color: STATUS_COLORS.overdue, value: (u: RegistrationAt) => u.overdueNow },
] as const;
