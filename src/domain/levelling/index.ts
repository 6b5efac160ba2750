export { type Job, jobObligations, jobsOf, checkLead } from './jobs.ts';
export { type Policy, asDue, shifted, levelled, planWithCapacity } from './policies.ts';
export { lowerBound, peak, load } from './bound.ts';
export { levellingSummary } from './summary.ts';
export { cascadeCount, cascadeCost, type CascadeCost } from './cascade.ts';
export { stdDev, weeksOver, percentChange } from './stats.ts';
