/*
 * The levelling's choices, in a module of its own: the address reads a
 * policy and a lead without the simulation's code.
 */

export const POLICY_NAMES = ['due', 'shift', 'level'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export const MAX_LEAD = 12;
