// collections: aging 账龄, DSO, overdue lists and the daily overdue job, statements of account 对账单.
// Read-only over receivables and allocations, except the overdue job (marks, notices, risk flags).
export { collectionsRoutes } from './collections.routes.js';
export { overdueJob, runOverdue, HIGH_RISK_DAYS, type OverdueRunResult } from './overdue.job.js';
export { bucketsOf, dueRanges, type Bucket } from './buckets.js';
