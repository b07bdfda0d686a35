// Composition root: open the database, migrate, bootstrap, mount every domain's routes. Plain functions, no container.
import { z } from 'zod';
import { loadConfig, type Config } from './platform/config.js';
import { openDb, databaseNow, type Db } from './platform/db.js';
import { demoDay } from './platform/pglite-template.js';
import { keepStatisticsFresh, statisticsJob } from './platform/statistics.js';
import { migrate } from './platform/migrate.js';
import { loadConstraintCatalog } from './platform/pg-errors.js';
import { buildHttp, type App } from './platform/http.js';
import { authenticate, endOfRequest, rerunWhenCallerChanged } from './platform/auth.js';
import type { FastifyRequest } from 'fastify';
import { auditRoutes } from './platform/audit-routes.js';
import { startScheduler, type JobDefinition } from './platform/jobs.js';
import { backupJob, backupSchedule, listenForBackupRequests } from './ops/backup-job.js';
import { metricsRoutes } from './platform/metrics.js';
import { overloadGuard } from './platform/overload.js';
import { exportRoutes } from './platform/export-routes.js';
import { identityRoutes, touchToken } from './domains/identity/index.js';
import { customersRoutes, customersExcelRoutes, customerSettingsRoutes, canSeeCustomer, reclaimStaleCustomers, backfillSearchKeys } from './domains/customers/index.js';
import { receivablesRoutes, receivableError, badDebtRequestsRoutes, agingCompactJob } from './domains/receivables/index.js';
import { paymentsRoutes, canSeePayment, postAccountEntry } from './domains/payments/index.js';
import { creditRoutes, creditLimitApprovalHandler, reassessmentJob, type RecordLimitChange } from './domains/credit/index.js';
import { dunningRoutes, dunningJob } from './domains/dunning/index.js';
import { opportunitiesRoutes } from './domains/opportunities/index.js';
import { visitsRoutes } from './domains/visits/index.js';
import { keyAccountsRoutes } from './domains/key-accounts/index.js';
import { opportunityWonRoutes } from './flows/opportunity-won/index.js';
import { opportunityQuoteRoutes } from './flows/opportunity-quote/index.js';
import { campaignsRoutes, recordCampaignMemberTx } from './domains/campaigns/index.js';
import { dedupRoutes, matchCandidatesTx } from './domains/dedup/index.js';
import { scoringRoutes, scoringJob, afterLeadCaptureTx, recordBehaviourTx } from './domains/scoring/index.js';
import { registerLeadHooks, captureLeadTx, leadsRoutes, leadFormsRoutes, leadImportsRoutes, recycleStaleLeads, canSeeLead, type AfterCapture } from './domains/leads/index.js';
import { mergeRoutes } from './flows/merge/index.js';
import { leadConversionRoutes } from './flows/lead-conversion/index.js';
import { writeOffRoutes, registerPayment, writeOffError, badDebtApprovalHandler } from './flows/write-off/index.js';
import { planReceivablesJob } from './flows/plan-receivables/index.js';
import { bookInstalmentReceivable } from './flows/contract-receivables/index.js';
import { contractApprovalFacts, customerApprovalFacts, contractsRoutes, contractError, canSeeContract, performanceAlertsJob, contractApprovalHandler, amendmentApprovalHandler } from './domains/contracts/index.js';
import { approvalsRoutes, registerApprovalHandlers, type ApprovalHandlers } from './domains/approvals/index.js';
import { collectionsRoutes, overdueJob } from './domains/collections/index.js';
import { notificationsRoutes } from './domains/notifications/index.js';
import { invoicesRoutes, invoiceRequestApprovalHandler } from './domains/invoices/index.js';
import { bankStatementsRoutes } from './domains/bank-statements/index.js';
import { bankReconciliationRoutes } from './flows/bank-reconciliation/index.js';
import { operatorRoutes, companyRoutes, homeRoutes, customer360Routes, describeRecordsTx } from './domains/workspace/index.js';
import { creditDefaultsRoutes } from './domains/credit/index.js';
import { webhooksRoutes, startWebhookWorker, DEFAULT_WEBHOOK_OPTIONS, type WebhookOptions } from './domains/webhooks/index.js';
import { numberingRoutes } from './domains/workspace/index.js';
import { catalogRoutes } from './domains/catalog/index.js';
import { pricingRoutes } from './domains/pricing/index.js';
import { quotesRoutes, quoteApprovalHandler, quoteExpiryJob, canSeeQuote } from './domains/quotes/index.js';
import { quoteAcceptanceRoutes } from './flows/quote-acceptance/index.js';
import { bootstrap } from './demo/bootstrap.js';

export interface L2C {
  app: App;
  db: Db;
  config: Config;
  jobs: JobDefinition[];
  close(): Promise<void>;
}

export const JOBS: JobDefinition[] = [
  { name: 'customers.pool-reclaim', run: (db) => reclaimStaleCustomers(db) },
  performanceAlertsJob,
  planReceivablesJob,
  overdueJob,
  dunningJob, // after the overdue job: promises, then the steps due today
  reassessmentJob,
  agingCompactJob,
  statisticsJob,
  quoteExpiryJob,
  { name: 'leads.recycle', run: (db) => recycleStaleLeads(db) }, // owned open leads untouched for N days → the lead pool
  scoringJob, // retrain the conversion model, rescore open leads, recompute customers' RFM
];

/** What each approval document does on its final decision. Typed by the engine's closed list of document types: a
 * missing or misspelled key does not compile, and registerApprovalHandlers refuses one at start-up. */
/** A credit limit change reaches the customer's credit ledger, which payments keeps. */
const recordLimitChange: RecordLimitChange = (tx, actor, customerId, delta, on, memo) => postAccountEntry(tx, {
  tenantId: actor.tenantId, customerId, account: 'credit', amount: delta, businessDate: on, kind: 'credit_limit_change', refType: 'credit_assessment',
  refId: null, memo, createdBy: actor.userId,
});

export const APPROVAL_HANDLERS = {
  contract: contractApprovalHandler,
  contract_amendment: amendmentApprovalHandler,
  bad_debt: badDebtApprovalHandler,
  invoice_request: invoiceRequestApprovalHandler,
  credit_limit: creditLimitApprovalHandler(recordLimitChange),
  quote: quoteApprovalHandler,
} satisfies ApprovalHandlers;

/**
 * After a lead is captured: its first score (scoring), and — when it came through a campaign's web form — the visitor
 * registered in that campaign (报名), so the campaign's funnel and ROI count the form's leads. A check-in's lead is a
 * member already (campaigns captured it); an import's campaign column is not handled here.
 */
const afterLeadCapture: AfterCapture = async (tx, lead, actor) => {
  await afterLeadCaptureTx(tx, lead);
  if (lead.source === 'web_form' && lead.campaignId) await recordCampaignMemberTx(tx, actor, { campaignId: lead.campaignId, leadId: lead.id, status: 'registered' });
};

export async function createApp(overrides: Partial<Config> = {}, deps: { db?: Db; approvalHandlers?: ApprovalHandlers } = {}): Promise<L2C> {
  // Before anything can decide an approval (the demo bootstrap does): a handler missing here is a failed start.
  registerApprovalHandlers(deps.approvalHandlers ?? APPROVAL_HANDLERS);
  const config = { ...loadConfig(), ...overrides };
  // The HTTP server is built while the database opens: a new embedded folder is copied from its template on libuv's
  // threads meanwhile (platform/pglite-template.ts), and the build needs no database.
  const [opened, built] = await Promise.allSettled([
    deps.db ? Promise.resolve(deps.db) : openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, demoOn: config.demo ? demoDay() : null }),
    buildHttp({ logLevel: config.logLevel, webDist: config.webDist, trustProxy: config.trustProxy, publicUrl: config.publicUrl }),
  ]);
  if (opened.status === 'rejected' || built.status === 'rejected') {
    if (built.status === 'fulfilled') await built.value.close();
    if (opened.status === 'fulfilled' && !deps.db) await opened.value.close();
    throw opened.status === 'rejected' ? opened.reason : (built as PromiseRejectedResult).reason;
  }
  const db = opened.value;
  const app = built.value;
  try {
    await migrate(db);
    await loadConstraintCatalog(db); // which columns a violated key has, for the problem's field names
    db.log ??= app.log; // inTenant's retries after a deadlock are logged at warn with the request id
    keepStatisticsFresh(db); // the embedded database has no autovacuum: tables that grow are analyzed again
    await bootstrap(db, config, app.log);
    // customers written without their search keys (before migration 019, the demo load): fill them before serving
    const searchKeys = await backfillSearchKeys(db);
    if (searchKeys > 0) app.log.info({ customers: searchKeys }, 'customer search keys filled');

    // before authentication, which reads the database: shed load before it queues for a connection
    overloadGuard(app, db.pool, { maxInflight: config.maxInflight, maxDbWaiting: config.maxDbWaiting });
    app.addHook('onRequest', async (req) => {
      if (req.url.startsWith('/api/v1/')) req.auth = await authenticate(db, req, touchToken);
    });
    app.addHook('onRoute', rerunWhenCallerChanged); // a remembered caller who changed meanwhile (platform/auth.ts)
    // a transaction the authentication opened and nobody used, and the deferred last-use touch (platform/request-tx.ts)
    const endRequest = async (req: FastifyRequest) => {
      if (req.auth) await endOfRequest(db, req, touchToken).catch((err: unknown) => req.log.error({ err }, 'closing the request transaction failed'));
    };
    app.addHook('onResponse', endRequest);
    app.addHook('onRequestAbort', endRequest);
    app.get('/api/health', {
      logLevel: 'warn', // probes every few seconds: no line per check
      schema: { operationId: 'getHealth', summary: 'Check liveness', description: 'Liveness: the process serves HTTP.', tags: ['platform'], security: [], response: { 200: z.object({ status: z.literal('ok'), database: z.string(), time: z.string() }) } },
    }, async () => {
      return { status: 'ok' as const, database: db.kind, time: await databaseNow(db.kysely) };
    });
    metricsRoutes(app, db, { token: config.metricsToken });
    exportRoutes(app, db);
    operatorRoutes(app, db, { token: config.operatorToken });
    companyRoutes(app, db);
    homeRoutes(app, db);
    customer360Routes(app, db);
    creditDefaultsRoutes(app, db);
    identityRoutes(app, db, { sessionHours: config.sessionHours, cookieSecure: config.cookieSecure });
    customersRoutes(app, db);
    customersExcelRoutes(app, db);
    customerSettingsRoutes(app, db);
    receivablesRoutes(app, db);
    paymentsRoutes(app, db, { registerPayment, registerPaymentErrors: [writeOffError] }); // POST /payments may write off: the flow's function
    writeOffRoutes(app, db);
    badDebtRequestsRoutes(app, db);
    contractsRoutes(app, db, { bookInstalment: bookInstalmentReceivable });
    approvalsRoutes(app, db, { decisionErrors: [contractError, receivableError], factsOf: { contract: contractApprovalFacts }, customerFactsOf: customerApprovalFacts }); // a decision runs the document's handler
    collectionsRoutes(app, db);
    notificationsRoutes(app, db);
    invoicesRoutes(app, db);
    creditRoutes(app, db, { recordLimitChange });
    dunningRoutes(app, db);
    opportunitiesRoutes(app, db);
    opportunityWonRoutes(app, db); // won → a draft order contract in the same transaction: the flow's route
    opportunityQuoteRoutes(app, db); // an open opportunity → a draft quote; accepting the quote wins it
    visitsRoutes(app, db);
    keyAccountsRoutes(app, db);
    // leads capture and import find duplicates with dedup and get their first score from scoring (leads imports neither)
    registerLeadHooks({ matchCandidates: matchCandidatesTx, afterCapture: afterLeadCapture });
    leadsRoutes(app, db);
    leadFormsRoutes(app, db); // with the public web-form submission (no session: the form's key)
    leadImportsRoutes(app, db);
    leadConversionRoutes(app, db); // lead → customer + contact + opportunity in one transaction: the flow's route
    dedupRoutes(app, db);
    scoringRoutes(app, db);
    mergeRoutes(app, db); // a merge moves records of several domains in one transaction: the flow's routes
    // A campaign check-in of a person who is no lead yet captures one (source campaign; a duplicate is flagged, never
    // refused: the person is in the room); a check-in of a known lead or contact counts as scoring's behaviour.
    campaignsRoutes(app, db, {
      captureLead: (tx, actor, p) => captureLeadTx(tx, actor, { source: 'campaign', campaignId: p.campaignId, contactName: p.contactName, companyName: p.companyName, phone: p.phone, email: p.email }, { onBlock: 'flag' }),
      recordBehaviour: (tx, actor, e) => recordBehaviourTx(tx, { leadId: e.leadId ?? null, contactId: e.contactId ?? null, event: e.event, at: e.at, recordedBy: actor.userId }),
    });
    bankStatementsRoutes(app, db);
    catalogRoutes(app, db);
    pricingRoutes(app, db);
    quotesRoutes(app, db);
    quoteAcceptanceRoutes(app, db); // accept → an order contract, rebate ledger and budgets in one transaction: the flow's route
    bankReconciliationRoutes(app, db); // import, decisions and line actions book money: the flow's routes
    const webhookOptions: WebhookOptions = {
      ...DEFAULT_WEBHOOK_OPTIONS, allowPrivate: config.webhookAllowPrivate, maxAttempts: config.webhookMaxAttempts, backoffMs: config.webhookBackoffMs,
    };
    webhooksRoutes(app, db, webhookOptions);
    numberingRoutes(app, db);
    auditRoutes(app, db, { customer: canSeeCustomer, contract: canSeeContract, payment: canSeePayment, quote: canSeeQuote, lead: canSeeLead }, describeRecordsTx);

    let stopScheduler = () => {};
    let stopBackupRequests = () => {};
    let stopWebhooks = () => {};
    const schedule = backupSchedule(); // read now: a bad L2C_BACKUP_* setting stops the start, not the first backup
    app.addHook('onReady', async () => {
      if (config.jobs) stopScheduler = startScheduler(db, schedule ? [...JOBS, backupJob(schedule)] : JOBS, app.log);
      // the webhook sender runs with the jobs unless L2C_WEBHOOKS says otherwise; in tests a test runs its rounds itself
      if (config.webhookSender ?? config.jobs) stopWebhooks = startWebhookWorker(db, webhookOptions, app.log);
      // `npm run backup` asks the process that holds the embedded data folder (ops/backup-job.ts)
      if (db.kind === 'pglite' && !deps.db) stopBackupRequests = listenForBackupRequests(db, config.dataDir, app.log);
    });
    return {
      app, db, config, jobs: JOBS,
      close: async () => {
        stopScheduler();
        stopWebhooks();
        stopBackupRequests();
        await app.close();
        if (!deps.db) await db.close();
      },
    };
  } catch (err) {
    if (!deps.db) await db.close();
    throw err;
  }
}
