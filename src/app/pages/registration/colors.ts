import { STATUS_COLORS } from '../../../charts/colors.ts';

/*
 * Real against registered, in the shared Okabe–Ito palette: real follow-ups
 * in the upcoming blue with dots, as registered in vermilion with squares
 * and dashes, so the two lines differ by more than colour.
 */
export const PERIOD_COLORS = { real: STATUS_COLORS.upcoming, registered: STATUS_COLORS.overdue } as const;
export const PERIOD_DASH = '6 3';
