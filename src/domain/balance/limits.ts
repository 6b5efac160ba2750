/*
 * The balancing's defaults and limits, in a module of its own: a number
 * field's rule and the address need them, not the FTE file's reader or the
 * solver.
 */

/** FTE a caseworker counts with when the FTE file does not name them. */
export const DEFAULT_FTE = 1;
export const MAX_FTE = 2;

export const DEFAULT_WEEKS_AHEAD = 13;
export const DEFAULT_CASE_WEIGHT = 1;
/** A case weight above this is a typo: a case would outweigh years of follow-ups. */
export const MAX_CASE_WEIGHT = 100;

export const DEFAULT_SLACK = 0;
export const MAX_SLACK = 1;
