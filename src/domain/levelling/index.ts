export { type Job, dueWeekOf, isJob, jobDueIn, jobsOf, checkLead } from './jobs.ts';
export { type Policy, asDue, shifted, levelled, planWithCapacity } from './policies.ts';
export { lowerBound, peak, load, meanDaysEarly } from './bound.ts';
export { levellingSummary } from './summary.ts';
export { cascadeCount, cascadeCounts, cascadeCost, dueDateCounts, type CascadeCost, type OpenDue } from './cascade.ts';
export { stdDev, weeksOver, percentChange } from './stats.ts';
export {
  POLICY_NAMES, POLICIES, MAX_LEAD, planningWeeks, prepareLevelling, withMore, jobsWithLead, unitJobs, catchUpWeeks, levellingByUnit, lateUnderCapacity, simulate,
  planTab, unitsInScope,
  type PolicyName, type PlanningWeek, type UnitJobs, type Prepared, type SimulationOptions, type UnitPlan, type Figure, type PlanFigures, type Simulation,
} from './simulate.ts';
export { COST_PERIODS, policyCosts, totalCost, type CostOptions, type PeriodCost, type PolicyCost, type UnitCost } from './costs.ts';
export { planLines, planList, planRows, planCells, rowsOf, type PlanGroup, type PlanLine, type PlanList, type PlanRow } from './plan.ts';
export { DEFAULT_CATCH_UP, MAX_CATCH_UP, backlogLoad, backlogOrder, catchUpDays, catchUpWeek, checkCatchUp } from '../backlog.ts';
