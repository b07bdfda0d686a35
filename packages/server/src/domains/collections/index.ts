// collections: aging 账龄, DSO, overdue lists and the daily overdue job, statements of account 对账单. It offers
// - collectionsRoutes: the reports and statements (PDF, Excel);
// - overdueJob / runOverdue: the daily run — it asks receivables to mark (markOverdue), credit to flag high risk
//   (flagOverdueCustomers) and notifications to notify (sendNoticesFrom);
// - bucketsOf / dueRanges: the aging buckets;
// - cjkFont, openCjkPdf: the embedded Chinese font of its PDFs and a PDF opened with it, for other areas' PDFs (invoices,
//   quotes, collection letters).
// It owns no table: it reads receivables, allocations, payments and their neighbours read-only (declared by their owners).
export { collectionsRoutes } from './collections.routes.js';
export { overdueJob, runOverdue, HIGH_RISK_DAYS, type OverdueRunResult } from './overdue.job.js';
export { bucketsOf, dueRanges, type Bucket } from './buckets.js';
export { cjkFont, openCjkPdf, type PdfFont, type CjkPdf } from './pdf-font.js';
