import { DEFAULT_CATCH_UP, MAX_CATCH_UP, MAX_LEAD, POLICY_NAMES, type PolicyName, type SimulationOptions } from '../../../domain/levelling/index.ts';

/*
 * The view's state in the address: ?view=levelling&lead=4&cap=30&policy=level&unit=Amager&weeks=4.
 * Anything unreadable falls back to the default, so a hand-edited link still opens.
 */

export const DEFAULT_LEAD = 4;
export const DEFAULT_POLICY: PolicyName = 'level';
export const PLAN_WEEKS = [1, 2, 4, 8, 13, 26] as const;
export const DEFAULT_PLAN_WEEKS = 4;

/** @example leadOf('8') // 8; leadOf('x') // 4 */
export function leadOf(value: string | null): number {
  const n = Number(value);
  return value !== null && value !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_LEAD ? n : DEFAULT_LEAD;
}

/** Catch-up weeks of the backlog, 1–26. @example catchUpOf('8') // 8; catchUpOf('40') // 26 */
export function catchUpOf(value: string | null): number {
  const n = Number(value);
  return value !== null && value !== '' && Number.isInteger(n) ? Math.min(MAX_CATCH_UP, Math.max(1, n)) : DEFAULT_CATCH_UP;
}

/** A whole number of follow-ups from 1, or null. @example capOf('30') // 30 */
export function capOf(value: string | null): number | null {
  const n = Number(value);
  return value !== null && value !== '' && Number.isInteger(n) && n >= 1 ? n : null;
}

export function policyOf(value: string | null): PolicyName {
  return (POLICY_NAMES as readonly string[]).includes(value ?? '') ? (value as PolicyName) : DEFAULT_POLICY;
}

/** A unit of the export, or null for all. */
export function unitOf(value: string | null, units: readonly string[]): string | null {
  return value !== null && units.includes(value) ? value : null;
}

export function planWeeksOf(value: string | null): number {
  const n = Number(value);
  return (PLAN_WEEKS as readonly number[]).includes(n) ? n : DEFAULT_PLAN_WEEKS;
}

/** Reads a parameter of the address, null when absent. */
export type ReadParam = (name: string) => string | null;
/** Sets a parameter of the address, or removes it with null. */
export type WriteParam = (name: string, value: string | null) => void;

/**
 * The plan as the address holds it: what the levelling view and the board
 * simulate, read once, the same way, for both.
 * @example planOf((k) => url.param(k), analysis.units) // { lead: 4, policy: 'level', catchUp: 4, capacity: null, unit: null }
 */
export function planOf(param: ReadParam, units: readonly string[]): SimulationOptions {
  return {
    lead: leadOf(param('lead')),
    policy: policyOf(param('policy')),
    catchUp: catchUpOf(param('catchup')),
    capacity: capOf(param('cap')),
    unit: unitOf(param('unit'), units),
  };
}

/** Writes a value; the default leaves the address, so a plain link opens the defaults. */
export function writeParam(set: WriteParam, name: string, value: string | number | null, fallback: string | number): void {
  set(name, value === null || value === fallback ? null : String(value));
}

/** What the plan's controls write, and where. */
export function planWriters(set: WriteParam) {
  return {
    onlead: (v: number) => writeParam(set, 'lead', v, DEFAULT_LEAD),
    oncatchup: (v: number) => writeParam(set, 'catchup', v, DEFAULT_CATCH_UP),
    oncapacity: (v: number | null) => writeParam(set, 'cap', v, ''),
    onpolicy: (v: PolicyName) => writeParam(set, 'policy', v, DEFAULT_POLICY),
    onunit: (v: string | null) => writeParam(set, 'unit', v, ''),
  };
}
