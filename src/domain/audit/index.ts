/* The sample audit of registered follow-ups (SPEC §9): one entry for the page and the command line. */
export { AUDIT_DEFAULTS, MAX_SEED, auditPeriod, auditRule, auditSettings, drawAudit, newSeed } from './plan.ts';
export type { AuditPeriod, AuditPlan, AuditSettings, AuditStratum } from './plan.ts';
export { allocate, sampleSize, tolerableDeviations } from './size.ts';
export type { SampleSize, SizeRule } from './size.ts';
export { upperBound, hypergeometricCdf } from './stats.ts';
export { CHECKLIST_COLUMNS, CHECKLIST_HEADERS, ChecklistRefused, checklistCells, compareChecklist, readChecklist } from './checklist.ts';
export type { Checklist, ChecklistComparison, ChecklistLanguage, ChecklistProblem, ChecklistRow } from './checklist.ts';
export { auditFigure, auditResult } from './result.ts';
export type { AuditFigure, AuditResult } from './result.ts';
