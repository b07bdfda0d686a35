// dunning 催收: policies per customer grade or risk level with steps relative to the due date (reminder, notice,
// email, task, formal letter 催款函, credit hold), each run once per receivable; mail over SMTP or into the outbox;
// the collector's worklist, promises to pay 承诺付款, contact notes and collection effectiveness. It offers
// - dunningRoutes: every /dunning route;
// - dunningJob / runDunning: the daily run (after the overdue job), exactly once per day across processes;
// - closeTransports: closes cached SMTP connections;
// - createPromise / createNote: a promise to pay and a contact note as a user records them (the demo uses them).
// It owns dunning_policies, dunning_steps, dunning_step_runs, dunning_mail, dunning_tasks, promises_to_pay and
// contact_notes (tables.ts); the credit hold is credit's (holdCredit), notices are notifications' (sendNotice).
export { dunningRoutes } from './dunning.routes.js';
export { dunningJob, runDunning, runDunningTenant, type DunningRunResult } from './run.job.js';
export { closeTransports } from './mail.js';
export { PRIORITY_FORMULA, EFFECTIVENESS_DEFINITION, createPromise, createNote } from './collect.service.js';
