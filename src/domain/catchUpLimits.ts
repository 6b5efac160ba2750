/*
 * How many weeks a backlog may be caught up over (SPEC §7.1), in a module of
 * its own: the address checks the number without the catch-up's arithmetic.
 */

export const DEFAULT_CATCH_UP = 4;
export const MAX_CATCH_UP = 26;
