/* How the list of overdue follow-ups can be ordered, in a module of its own: the address reads it without the list's code. */

/** How the list is ordered: by due date (oldest or newest first), or by caseworker. */
export const OVERDUE_ORDERS = ['oldest', 'newest', 'caseworker'] as const;
export type OverdueOrder = (typeof OVERDUE_ORDERS)[number];
