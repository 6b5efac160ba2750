export { type Job, jobObligations, jobsOf, checkLead } from './jobs.ts';
export { type Policy, asDue, shifted, levelled, planWithCapacity } from './policies.ts';
export { lowerBound, peak, load } from './bound.ts';
export { levellingSummary } from './summary.ts';
