// The scope matrix's world and its request generator. One tenant where repEast owns a customer with one record of every
// kind a path parameter, a filter or a request body can name — made through the API the way people make them — plus the
// callers who must not see any of it: another tenant's admin, a second rep of team East, the North team's manager and
// nobody. Requests are generated from the OpenAPI document: ids from the record table, other fields from the schema
// with hints by name, so that a request reaches the scope check instead of failing validation.
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { asSystem, type Db } from '../src/platform/db.js';
import { call, login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';
import { orderBody, signBody, SIGNED_PDF } from './contracts-helpers.js';
import { makeCatalog } from './cpq-fixture.js';

/** Kinds of record a request can name. `user` and `team` are the tenant's directory: tenant-scoped, not data-scoped. */
export type Kind =
  | 'quote' | 'sku' | 'priceBook' | 'priceBookEntry' | 'promotion' | 'promotionBudget' // CPQ: quotes are data-scoped, the rest tenant configuration
  | 'spu' | 'catalogSku' | 'bundle' | 'bundleOption' | 'productLine' | 'catalogUnit' // the catalog: tenant configuration every role reads
  | 'customer' | 'contact' | 'contract' | 'instalment' | 'receivable' | 'creditNote' | 'payment' | 'paymentFile' | 'writeOff'
  | 'badDebtRequest' | 'approval' | 'notification' | 'apiToken' | 'user' | 'team'
  | 'bankStatement' | 'bankLine'
  | 'invoiceRequest' | 'invoice' | 'redConfirmation'
  | 'dunningPolicy' | 'dunningRun' | 'dunningMail' | 'dunningTask' | 'promise' | 'creditAssessment'
  | 'campaign' | 'campaignMember' | 'campaignCost'
  | 'lead' | 'leadForm' | 'leadImport' | 'leadRule' // leads: a lead follows its owner; forms and rules are tenant configuration
  | 'duplicateRule' | 'merge'
  | 'opportunity' | 'opportunityTask' | 'salesProcess' | 'salesStage' | 'visit' | 'contactRelation'
  | 'webhookSubscription' | 'webhookDelivery';

const DIRECTORY: ReadonlySet<Kind> = new Set(['leadForm', 'leadRule', 'duplicateRule', 'spu', 'catalogSku', 'bundle', 'bundleOption', 'productLine', 'catalogUnit', 'sku', 'priceBook', 'priceBookEntry', 'promotion', 'promotionBudget', 'salesProcess', 'salesStage', 'user', 'team', 'dunningPolicy', 'webhookSubscription', 'webhookDelivery']); // a dunning policy is tenant configuration

/**
 * The catalog: every role of the tenant reads it (GET a product, configure a bundle), so the callers of repEast's own
 * tenant are not outsiders to a route naming only these; another tenant's admin and nobody still are.
 */
const READ_BY_ALL: ReadonlySet<Kind> = new Set(['spu', 'catalogSku', 'bundle', 'bundleOption', 'productLine', 'catalogUnit']);

/** Path parameters: the kind of record is named by the path segment before the parameter (…/write-offs/{id}). */
export const BY_SEGMENT: Record<string, Kind> = {
  spus: 'spu', skus: 'catalogSku', bundles: 'bundle', 'product-lines': 'productLine', // the catalog
  quotes: 'quote', 'price-books': 'priceBook', 'price-book-entries': 'priceBookEntry', promotions: 'promotion', 'promotion-budgets': 'promotionBudget',
  opportunities: 'opportunity', 'opportunity-tasks': 'opportunityTask', 'sales-processes': 'salesProcess', visits: 'visit',
  'customer-locations': 'customer', 'key-accounts': 'customer', 'decision-roles': 'contact', 'contact-relations': 'contactRelation',
  customers: 'customer', contacts: 'contact', contracts: 'contract', receivables: 'receivable', payments: 'payment',
  files: 'paymentFile', 'write-offs': 'writeOff', 'bad-debt-requests': 'badDebtRequest', approvals: 'approval',
  notifications: 'notification', 'api-tokens': 'apiToken', users: 'user', teams: 'team', tokens: 'apiToken', // users/{id}/tokens/{tokenId}: the user's own
  'bank-statements': 'bankStatement', 'bank-statement-lines': 'bankLine',
  'invoice-requests': 'invoiceRequest', invoices: 'invoice', 'red-confirmations': 'redConfirmation',
  policies: 'dunningPolicy', runs: 'dunningRun', mail: 'dunningMail', tasks: 'dunningTask', 'credit-assessments': 'creditAssessment',
  campaigns: 'campaign', 'campaign-members': 'campaignMember', 'campaign-costs': 'campaignCost',
  leads: 'lead', 'lead-forms': 'leadForm', 'lead-imports': 'leadImport', 'lead-assignment-rules': 'leadRule',
  'duplicate-rules': 'duplicateRule', merges: 'merge', // dedup: rules are tenant configuration; a merge follows its master's owner
  subscriptions: 'webhookSubscription', deliveries: 'webhookDelivery', // webhooks: the tenant's configuration (admins)
};

/** Query parameters and body fields: the kind is named by the field. */
export const BY_FIELD: Record<string, Kind> = {
  spuId: 'spu', productLineId: 'productLine', baseUnitId: 'catalogUnit', unitId: 'catalogUnit', optionId: 'bundleOption',
  skuId: 'sku', productId: 'sku',
  opportunityId: 'opportunity', processId: 'salesProcess', stageId: 'salesStage', subjectId: 'user', fromContactId: 'contact', toContactId: 'contact',
  customerId: 'customer', contactId: 'contact', contractId: 'contract', instalmentId: 'instalment', receivableId: 'receivable',
  creditNoteId: 'creditNote', paymentId: 'payment', fileId: 'paymentFile', writeOffId: 'writeOff', entityId: 'customer',
  ownerId: 'user', actorId: 'user', userId: 'user', managerId: 'user', teamId: 'team',
  statementId: 'bankStatement',
  promiseId: 'promise',
  campaignId: 'campaign', parentCampaignId: 'campaign',
  leadId: 'lead',
  subscriptionId: 'webhookSubscription',
};

/** Optional non-id fields sent anyway, because they give an id its meaning. */
const COMPANIONS: Record<string, unknown> = { entityType: 'customer' };

/**
 * Bodies the OpenAPI document cannot describe: routes that read their body by hand (multipart or JSON with base64).
 * A route added later that reads its body by hand gets a 400 in the matrix until it is listed here.
 */
export const HAND_READ_BODIES: Record<string, () => unknown> = {
  'POST /api/v1/contracts/{id}/sign': () => signBody(),
  'POST /api/v1/payments/{id}/files': () => ({ fileName: '回单.pdf', contentType: 'application/pdf', contentBase64: SIGNED_PDF.toString('base64') }),
};

export interface Caller { name: string; client: Client | null; /** of repEast's own tenant (reads what every role of it reads) */ sameTenant?: boolean }

export interface ScopeWorld {
  baseUrl: string;
  t: TestTenant;
  owner: Client;
  admin: Client;
  /** The others of the tenant, for the tests beside the matrix. */
  clients: { repEast2: Client; managerEast: Client; managerNorth: Client; finance: Client };
  /** Who must not see repEast's records, and what each is. */
  outsiders: Caller[];
  ids: Record<Kind, string>;
  /** Strings that only repEast's records carry: numbers, names, distinctive amounts. None may reach an outsider. */
  markers: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies, checked by the caller
async function ok<T = any>(res: { status: number; body: any }, status = 201): Promise<T> {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as T;
}

/** A second sales rep in team East (the same team as repEast, without access to her customers). */
async function colleagueOf(db: Db, t: TestTenant): Promise<{ email: string }> {
  const email = `repeast2@${t.slug}.test`;
  await asSystem(db, async (tx) => {
    await sql`insert into users (tenant_id, email, name, role, team_id, password_hash)
      select tenant_id, ${email}, 'repEast2', 'sales_rep', team_id, password_hash from users where id = ${t.users.repEast.id}`.execute(tx);
  });
  return { email };
}

export async function buildScopeWorld(): Promise<ScopeWorld> {
  const h = await testApp();
  const t = await makeTenant(h.db);
  const other = await makeTenant(h.db);
  // Teams get managers, so a contract goes through real approval steps.
  await asSystem(h.db, async (tx) => {
    await sql`update teams set manager_id = ${t.users.managerEast.id} where id = ${t.teams.east}`.execute(tx);
    await sql`update teams set manager_id = ${t.users.managerNorth.id} where id = ${t.teams.north}`.execute(tx);
    await sql`update teams set manager_id = ${t.users.exec.id} where id = ${t.teams.root}`.execute(tx);
  });
  const colleague = await colleagueOf(h.db, t);
  const [owner, repEast2, managerEast, managerNorth, finance, exec, admin, otherAdmin] = await Promise.all([
    login(h.baseUrl, t.users.repEast), login(h.baseUrl, colleague), login(h.baseUrl, t.users.managerEast),
    login(h.baseUrl, t.users.managerNorth), login(h.baseUrl, t.users.finance), login(h.baseUrl, t.users.exec),
    login(h.baseUrl, t.users.admin), login(h.baseUrl, other.users.admin),
  ]) as Client[];
  const tag = crypto.randomBytes(4).toString('hex');
  const customerName = `范围矩阵测试客户${tag}有限公司`;

  const customer = await ok(await owner!.post('/api/v1/customers', { name: customerName, allowDuplicate: true }));
  const credit = await fetch(`${h.baseUrl}/api/v1/customers/${customer.id}/credit-profile`, {
    method: 'PUT', headers: { authorization: `Bearer ${finance!.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ creditLimit: '1000000.00', paymentTermDays: 30, riskLevel: 'normal' }),
  });
  expect(credit.status).toBe(204);
  const contact = await ok(await owner!.post(`/api/v1/customers/${customer.id}/contacts`, { name: `矩阵联系人${tag}`, mobile: '13800138000' }));
  await ok(await owner!.post(`/api/v1/customers/${customer.id}/followups`, { kind: 'call', content: `矩阵跟进${tag}` }));

  // A contract through approval and signing: its on-signing instalment books the receivable.
  const draft = await ok(await owner!.post('/api/v1/contracts', orderBody(customer.id, {}, '1', '11311.11')));
  const submitted = await ok(await owner!.post(`/api/v1/contracts/${draft.id}/submit`, {}), 200);
  const approvers: Record<string, Client> = {
    [t.users.managerEast.id]: managerEast!, [t.users.managerNorth.id]: managerNorth!, [t.users.finance.id]: finance!,
    [t.users.exec.id]: exec!, [t.users.admin.id]: admin!,
  };
  for (const step of submitted.approval.steps as Array<{ approverIds: string[] }>) {
    await ok(await approvers[step.approverIds[0]!]!.post(`/api/v1/approvals/${submitted.approval.id}/approve`, { comment: 'ok' }), 200);
  }
  const approved = await ok(await owner!.get(`/api/v1/contracts/${draft.id}`), 200);
  const contract = await ok(await owner!.post(`/api/v1/contracts/${draft.id}/sign`, signBody(approved.version)), 200);
  const instalment = contract.instalments[0];
  const receivable = await ok(await owner!.get(`/api/v1/receivables/${instalment.receivableId}`), 200);

  // Money: a payment the rep registers and finance confirms, its receipt, part of it written off, a credit note, and a
  // bad-debt request left pending.
  const claimed = await ok(await owner!.post('/api/v1/payments', { customerId: customer.id, amount: '5432.10', receivedOn: '2026-03-10' }));
  await ok(await finance!.post(`/api/v1/payments/${claimed.id}/confirm`, { version: claimed.version }), 200);
  const file = await ok(await owner!.post(`/api/v1/payments/${claimed.id}/files`, HAND_READ_BODIES['POST /api/v1/payments/{id}/files']!()));
  const writeOff = await ok(await finance!.post('/api/v1/write-offs', {
    customerId: customer.id, appliedOn: '2026-03-11',
    lines: [{ receivableId: receivable.id, amount: '1234.56', source: { type: 'payment', paymentId: claimed.id } }],
  }));
  const creditNote = await ok(await finance!.post(`/api/v1/receivables/${receivable.id}/credit-notes`, { amount: '123.45', reason: '矩阵红冲' }));
  const badDebt = await ok(await finance!.post(`/api/v1/receivables/${receivable.id}/bad-debt-requests`, { amount: '98.76', reason: '矩阵坏账申请' }));
  const payment = await ok(await owner!.get(`/api/v1/payments/${claimed.id}`), 200);

  // Invoices: the rep requests one over part of the receivable, finance approves and records it, then asks to red-letter part.
  const invoiceSettings = await fetch(`${h.baseUrl}/api/v1/invoice-settings`, {
    method: 'PUT', headers: { authorization: `Bearer ${finance!.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ seller: { name: '矩阵销售方', taxpayerId: '91330100MATRIX0001' }, importMapping: null }),
  });
  expect(invoiceSettings.status).toBe(200);
  const invoiceRequest = await ok(await owner!.post('/api/v1/invoice-requests', {
    invoiceType: 'ordinary', pricesIncludeTax: true, items: [{ receivableId: receivable.id, amount: '567.89' }], lines: [{ name: '矩阵开票', amount: '567.89', taxRate: '0.13' }],
  }));
  await ok(await finance!.post(`/api/v1/approvals/${invoiceRequest.approvalId}/approve`, {}), 200);
  // A second one approved and waiting to be issued: the batch-issue workbook's row.
  const toIssue = await ok(await owner!.post('/api/v1/invoice-requests', {
    invoiceType: 'special', pricesIncludeTax: true, items: [{ receivableId: receivable.id, amount: '234.56' }], lines: [{ name: '矩阵待开', amount: '234.56', taxRate: '0.13' }],
  }));
  await ok(await finance!.post(`/api/v1/approvals/${toIssue.approvalId}/approve`, {}), 200);
  const issued = await ok(await finance!.post(`/api/v1/invoice-requests/${invoiceRequest.id}/issue`, { number: `2633${tag.replace(/\D/g, '').padEnd(16, '7').slice(0, 16)}`, issueDate: '2026-03-12' }), 200);
  const redConfirmation = await ok(await finance!.post(`/api/v1/invoices/${issued.invoice.id}/red-confirmations`, { reason: 'allowance', lines: [{ seq: 1, amount: '56.78' }] }));

  // Bank: finance imports a statement and books its one credit line to repEast's customer (split: part written off,
  // the rest prepaid), so the line is hers — no longer 待认领, which every rep may see and claim.
  const bankCsv = `交易日期,金额,余额,对方户名\n2026-03-13,33.33,1033.33,矩阵付款人${tag}\n`;
  const bankImport = await ok(await finance!.post('/api/v1/bank-statements/imports', {
    fileName: `矩阵流水${tag}.csv`, contentBase64: Buffer.from(bankCsv).toString('base64'),
    mapping: { bank: `矩阵银行${tag}`, columns: { bookedOn: '交易日期', amount: '金额', balance: '余额', payerName: '对方户名' } },
  }));
  const bankStatement = bankImport.statements[0];
  const waiting = (await ok(await finance!.get(`/api/v1/bank-statement-lines?statementId=${bankStatement.id}`), 200)).items[0];
  const bankLine = await ok(await finance!.post(`/api/v1/bank-statement-lines/${waiting.id}/split`, {
    customerId: customer.id, allocations: [{ receivableId: receivable.id, amount: '22.22' }], version: waiting.version, rememberPayer: false,
  }), 200);

  // Dunning: an old invoice of hers walks to +7 (a task for her) and +30 (a letter, its mail in the outbox: the contact
  // has no address); she records a promise to pay and a contact note; finance assesses the customer's credit.
  const old = await ok(await finance!.post('/api/v1/receivables', { customerId: customer.id, amount: '2345.67', businessDate: '2025-12-01', dueDate: '2026-01-01', reason: '矩阵催收' }));
  await ok(await finance!.post('/api/v1/dunning/run', { asOf: '2026-01-08' }), 200);
  await ok(await finance!.post('/api/v1/dunning/run', { asOf: '2026-01-31' }), 200);
  const dunningRuns = (await ok(await finance!.get(`/api/v1/dunning/runs?customerId=${customer.id}`), 200)).items as Array<{ id: string; action: string }>;
  const letterRun = dunningRuns.find((r) => r.action === 'letter')!;
  const dunningMail = (await ok(await finance!.get(`/api/v1/dunning/mail?customerId=${customer.id}`), 200)).items[0];
  const dunningTask = (await ok(await owner!.get('/api/v1/dunning/tasks'), 200)).items[0];
  const dunningPolicy = (await ok(await finance!.get('/api/v1/dunning/policies'), 200)).items[0];
  const promise = await ok(await owner!.post('/api/v1/dunning/promises', { customerId: customer.id, amount: '3456.78', promisedOn: '2999-12-31', note: `矩阵承诺${tag}` }));
  await ok(await owner!.post('/api/v1/dunning/notes', { customerId: customer.id, channel: 'phone', outcome: 'promised', promiseId: promise.id, note: `矩阵催收记录${tag}` }));
  const assessment = (await ok(await finance!.post(`/api/v1/customers/${customer.id}/credit-assessments`), 200)).items[0];

  // Campaigns: an admin runs one for repEast (marketers and admins write; she reads what she owns), with a member and a cost.
  const campaign = await ok(await admin!.post('/api/v1/campaigns', { name: `矩阵活动${tag}`, type: 'event', budget: '4321.09', ownerId: t.users.repEast.id }));
  const campaignMember = await ok(await admin!.post(`/api/v1/campaigns/${campaign.id}/members`, { name: `矩阵参会人${tag}`, phone: '13800138000' }));
  const campaignCost = await ok(await admin!.post(`/api/v1/campaigns/${campaign.id}/costs`, { category: 'venue', amount: '876.54', incurredOn: '2026-03-14' }));
  await ok(await admin!.post('/api/v1/campaigns', { name: `矩阵子活动${tag}`, type: 'webinar', parentId: campaign.id, ownerId: t.users.repEast.id }));

  // Leads: her lead of the campaign (a rep keeps what she types in), a web form and an assignment rule (tenant
  // configuration), an admin's import (imports are their importer's; admins and marketers see all).
  const lead = await ok(await owner!.post('/api/v1/leads', { companyName: `矩阵线索${tag}`, contactName: `矩阵线索人${tag}`, phone: '13900139000', campaignId: campaign.id, source: 'manual' }));
  const leadForm = await ok(await admin!.post('/api/v1/lead-forms', { name: `矩阵表单${tag}`, consentText: '同意', campaignId: campaign.id }));
  const leadRule = await ok(await admin!.post('/api/v1/lead-assignment-rules', { name: `矩阵分配${tag}`, position: 9999, strategy: 'round_robin', regions: [`矩阵区${tag}`], members: [{ userId: t.users.repEast.id }] }));
  const leadUpload = new FormData();
  leadUpload.append('file', new Blob([Buffer.from(`公司名称,联系人\n矩阵导入${tag},矩阵导入人\n`)]), `matrix-${tag}.csv`);
  const leadImport = await (await fetch(`${h.baseUrl}/api/v1/lead-imports`, { method: 'POST', headers: { authorization: `Bearer ${admin!.token}` }, body: leadUpload })).json() as { id: string };

  // Dedup: a duplicate rule (tenant configuration) and her merge of a duplicate customer into hers.
  const duplicateRule = await ok(await admin!.post('/api/v1/duplicate-rules', { object: 'customer', name: `矩阵规则${tag}`, fields: ['credit_code', 'phone'] }));
  const duplicate = await ok(await owner!.post('/api/v1/customers', { name: `矩阵重复客户${tag}`, allowDuplicate: true }));
  const merge = await ok(await owner!.post(`/api/v1/customers/${customer.id}/merge`, { customerId: duplicate.id }));

  // Opportunities, visits, key accounts: her opportunity (of the campaign) with a task, a visit checked in near the
  // customer's location, a second contact related to the first on the decision map, her manager's forecast adjustment.
  const salesProcess = (await ok(await owner!.get('/api/v1/sales-processes'), 200)).items[0];
  const opportunity = await ok(await owner!.post('/api/v1/opportunities', { name: `矩阵商机${tag}`, customerId: customer.id, contactId: contact.id, amount: '7654.32', campaignId: campaign.id, closeDate: '2026-12-20' }));
  const withTask = await ok(await owner!.post(`/api/v1/opportunities/${opportunity.id}/tasks`, { title: `矩阵任务${tag}`, key: 'demo' }));
  const located = await fetch(`${h.baseUrl}/api/v1/customer-locations/${customer.id}`, {
    method: 'PUT', headers: { authorization: `Bearer ${owner!.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ lat: 30.2741, lng: 120.1551 }),
  });
  expect(located.status).toBe(200);
  const planned = await ok(await owner!.post('/api/v1/visits', { customerId: customer.id, contactId: contact.id, opportunityId: opportunity.id, plannedOn: '2026-12-07', purpose: `矩阵拜访${tag}` }));
  const visit = await ok(await owner!.post(`/api/v1/visits/${planned.id}/check-in`, { version: planned.version, lat: 30.275, lng: 120.1551, source: 'manual' }), 200);
  const contact2 = await ok(await owner!.post(`/api/v1/customers/${customer.id}/contacts`, { name: `矩阵决策人${tag}`, mobile: '13800138002' }));
  const decisionMap = await ok(await owner!.post('/api/v1/contact-relations', { fromContactId: contact.id, toContactId: contact2.id, kind: 'reports_to' }));
  await ok(await managerEast!.post('/api/v1/forecast/adjustments', { period: '2026-12', subjectKind: 'rep', subjectId: t.users.repEast.id, category: 'commit', amount: '7000.00', reason: `矩阵预测调整${tag}` }));

  // CPQ: a catalog, a price book with an entry, a budgeted promotion (tenant configuration), and her quote.
  const catalog = await makeCatalog(h.db, t.tenantId);
  const priceBook = await ok(await admin!.post('/api/v1/price-books', { code: 'MATRIX', name: '矩阵价目表' }));
  const withEntry = await ok(await admin!.post(`/api/v1/price-books/${priceBook.id}/entries`, { entries: [{ skuId: catalog.sensor, rule: { kind: 'fixed', unitPrice: '187.65' } }] }));
  const budget = await ok(await admin!.post('/api/v1/promotion-budgets', { code: 'MATRIX', name: '矩阵预算', amount: '1000.00' }));
  const promotion = await ok(await admin!.post('/api/v1/promotions', { code: 'MATRIX', name: '矩阵促销', budgetId: budget.id, rule: { kind: 'item', target: { productId: catalog.sensor }, percentOff: '0.01' } }));
  const quote = await ok(await owner!.post('/api/v1/quotes', { customerId: customer.id, title: `矩阵报价${tag}`, validUntil: '2099-12-31', lines: [{ skuId: catalog.sensor, quantity: '3' }] }));
  // The catalog (tenant configuration every role reads): a unit, a product line, a product with a SKU, a bundle with an option.
  const catalogUnit = await ok(await admin!.post('/api/v1/catalog/units', { code: `mx${tag}`, name: '矩阵件' }));
  const productLine = await ok(await admin!.post('/api/v1/catalog/product-lines', { code: `MX${tag}`.toUpperCase(), name: '矩阵产品线' }));
  const spu = await ok(await admin!.post('/api/v1/catalog/spus', { code: `MX-${tag}`, name: '矩阵产品', kind: 'goods', productLineId: productLine.id, baseUnitId: catalogUnit.id, taxRate: '0.13' }));
  const catalogSku = await ok(await admin!.post('/api/v1/catalog/skus', { spuId: spu.id, code: `MX-${tag}-A`, name: '矩阵SKU', listPrice: '10.00' }));
  const kit = await ok(await admin!.post('/api/v1/catalog/skus', { spuId: spu.id, code: `MX-${tag}-KIT`, name: '矩阵套装', listPrice: '0.00', isBundle: true }));
  const kitTree = (await call(h.baseUrl, 'PUT', `/api/v1/catalog/bundles/${kit.id}`, { token: admin!.token, body: {
    version: kit.version, groups: [{ code: 'main', name: '主件', required: true, options: [{ key: 'a', skuId: catalogSku.id, isDefault: true }] }],
  } })).body;
  const token = await ok(await owner!.post('/api/v1/api-tokens', { name: `矩阵令牌${tag}` }));
  // A webhook subscription of the tenant (.invalid never resolves: no test sends anywhere) and its test delivery.
  const webhook = await ok(await admin!.post('/api/v1/webhooks/subscriptions', { url: `https://matrix-${tag}.invalid/hook`, events: ['customer.created'] }));
  const webhookDelivery = await ok(await admin!.post(`/api/v1/webhooks/subscriptions/${webhook.id}/test`, {}));
  // A notice of her own (the approval engine notifies approvers; repEast is the submitter here).
  const notification = await asSystem(h.db, async (tx) => (await sql<{ id: string }>`insert into notifications
      (tenant_id, user_id, kind, title, body, entity_type, entity_id, dedupe_key)
    values (${t.tenantId}, ${t.users.repEast.id}, 'scope.matrix', ${`矩阵通知 ${customer.number}`}, null, 'customer', ${customer.id}, ${`matrix:${tag}`})
    returning id`.execute(tx)).rows[0]!.id);

  return {
    baseUrl: h.baseUrl, t, owner: owner!, admin: admin!,
    clients: { repEast2: repEast2!, managerEast: managerEast!, managerNorth: managerNorth!, finance: finance! },
    outsiders: [
      { name: 'another tenant\'s admin', client: otherAdmin! },
      { name: 'a rep of the same team (repEast2)', client: repEast2!, sameTenant: true },
      { name: 'the other team\'s manager (managerNorth)', client: managerNorth!, sameTenant: true },
      { name: 'no login', client: null },
    ],
    ids: {
      spu: spu.id, catalogSku: catalogSku.id, bundle: kit.id, bundleOption: kitTree.tree.groups[0].options[0].id, productLine: productLine.id, catalogUnit: catalogUnit.id,
      quote: quote.id, sku: catalog.sensor, priceBook: priceBook.id, priceBookEntry: withEntry.entries[0].id, promotion: promotion.id, promotionBudget: budget.id,
      opportunity: opportunity.id, opportunityTask: withTask.tasks[0].id, salesProcess: salesProcess.id, salesStage: salesProcess.stages[0].id,
      visit: visit.id, contactRelation: decisionMap.edges[0].id,
      customer: customer.id, contact: contact.id, contract: contract.id, instalment: instalment.id, receivable: receivable.id,
      creditNote: creditNote.id, payment: payment.id, paymentFile: file.id, writeOff: writeOff.id, badDebtRequest: badDebt.id,
      approval: submitted.approval.id, notification, apiToken: token.id, user: t.users.repEast.id, team: t.teams.east,
      bankStatement: bankStatement.id, bankLine: bankLine.id,
      invoiceRequest: invoiceRequest.id, invoice: issued.invoice.id, redConfirmation: redConfirmation.id,
      dunningPolicy: dunningPolicy.id, dunningRun: letterRun.id, dunningMail: dunningMail.id, dunningTask: dunningTask.id, promise: promise.id, creditAssessment: assessment.id,
      campaign: campaign.id, campaignMember: campaignMember.id, campaignCost: campaignCost.id,
      lead: lead.id, leadForm: leadForm.id, leadImport: leadImport.id, leadRule: leadRule.id,
      duplicateRule: duplicateRule.id, merge: merge.id,
      webhookSubscription: webhook.id, webhookDelivery: webhookDelivery.id,
    },
    markers: [
      quote.number, `矩阵报价${tag}`,
      `矩阵商机${tag}`, opportunity.number, '7654.32', `矩阵任务${tag}`, `矩阵拜访${tag}`, `矩阵决策人${tag}`, `矩阵预测调整${tag}`,
      customerName, customer.number, contract.number, receivable.number, creditNote.number, payment.number, writeOff.number,
      `矩阵联系人${tag}`, '11311.11', '5432.10', '1234.56', '123.45', '98.76',
      invoiceRequest.number, toIssue.number, issued.invoice.number, redConfirmation.number, '567.89', '234.56', '56.78',
      old.number, '2345.67', '3456.78', `矩阵承诺${tag}`, `矩阵催收记录${tag}`,
      `矩阵活动${tag}`, `矩阵子活动${tag}`, campaign.number, '4321.09', `矩阵参会人${tag}`, '876.54',
      `矩阵线索${tag}`, lead.number, `矩阵线索人${tag}`,
      `矩阵重复客户${tag}`, duplicate.number,
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Routes and requests from the OpenAPI document

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON Schema is untyped data
export type Schema = Record<string, any>;
export interface Route {
  method: string;
  path: string;
  key: string;
  op: Schema;
}

export interface Req { method: string; path: string; query: Record<string, string>; body: unknown | undefined }

/** Every operation of the API under /api/v1. */
export function routesOf(doc: Schema): Route[] {
  const out: Route[] = [];
  for (const [path, ops] of Object.entries<Schema>(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, op] of Object.entries<Schema>(ops)) out.push({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}`, op });
  }
  return out;
}

const isId = (name: string) => name === 'id' || name.endsWith('Id');

function bodySchema(doc: Schema, op: Schema): Schema | undefined {
  const s = op.requestBody?.content?.['application/json']?.schema;
  return s ? deref(doc, s) : undefined;
}

function deref(doc: Schema, s: Schema): Schema {
  let cur = s;
  while (cur && typeof cur.$ref === 'string') {
    const name = cur.$ref.replace('#/components/schemas/', '');
    cur = doc.components?.schemas?.[name] ?? {};
  }
  return cur;
}

/** Field names anywhere in a schema. */
function fieldNames(doc: Schema, s: Schema | undefined, seen = new Set<Schema>()): string[] {
  if (!s || seen.has(s)) return [];
  seen.add(s);
  const x = deref(doc, s);
  const names: string[] = [];
  for (const [k, v] of Object.entries<Schema>(x.properties ?? {})) names.push(k, ...fieldNames(doc, v, seen));
  for (const alt of [...(x.anyOf ?? []), ...(x.oneOf ?? []), ...(x.allOf ?? [])]) names.push(...fieldNames(doc, alt, seen));
  if (x.items) names.push(...fieldNames(doc, x.items, seen));
  return names;
}

/**
 * Does the route name a record? A path parameter, a query parameter ending in Id, or a body field naming a data-scoped
 * record (customerId, receivableId …). Body fields naming users or teams are references to the tenant's directory.
 */
export function namesARecord(doc: Schema, route: Route): boolean {
  const params: Schema[] = route.op.parameters ?? [];
  if (params.some((p) => p.in === 'path' && isId(p.name))) return true;
  if (params.some((p) => p.in === 'query' && isId(p.name))) return true;
  return fieldNames(doc, bodySchema(doc, route.op)).some((n) => BY_FIELD[n] !== undefined && !DIRECTORY.has(BY_FIELD[n]!));
}

/** Does the route name only catalog records, which every role of the tenant reads (READ_BY_ALL)? */
export function readByAll(doc: Schema, route: Route): boolean {
  const segments = route.path.split('/');
  const params: Schema[] = route.op.parameters ?? [];
  const kinds = [
    ...params.filter((p) => p.in === 'path' && isId(p.name)).map((p) => BY_SEGMENT[segments[segments.indexOf(`{${p.name}}`) - 1] ?? '']),
    ...params.filter((p) => p.in === 'query' && isId(p.name)).map((p) => BY_FIELD[p.name]),
    ...fieldNames(doc, bodySchema(doc, route.op)).filter((n) => isId(n) && BY_FIELD[n]).map((n) => BY_FIELD[n]),
  ];
  return kinds.length > 0 && kinds.every((k) => k !== undefined && READ_BY_ALL.has(k));
}

export class FixtureMissing extends Error {}

/** The kind of record a path parameter names, from the segment before it. */
function pathKind(route: Route, param: string): Kind {
  const segments = route.path.split('/');
  const at = segments.indexOf(`{${param}}`);
  const kind = BY_SEGMENT[segments[at - 1] ?? ''];
  if (!kind) throw new FixtureMissing(`add a fixture for ${route.key}: no record for the path segment "${segments[at - 1]}" (BY_SEGMENT in scope-matrix.fixture.ts)`);
  return kind;
}

const DATE = '2026-12-06';
const HINTS: Array<[RegExp, string]> = [
  [/^period$/, '2026-12'],
  [/(^|[a-z])(on|date|Date|From|To|^from|^to|Start|End|At)$/, DATE],
  [/amount|Amount|limit|Limit|price|Price|rate|Rate|quantity|percent/, '1.00'],
  [/^event$/, 'email_clicked'], // scoring: a behaviour event's name
  [/^docType$/, 'contract'], // approvals: a document type's rules (tenant configuration)
];
const FALLBACKS = ['1.00', DATE, `${DATE}T08:00:00Z`, '1', '0', 'matrix@example.com', '13800138000', '矩阵测试 matrix', 'A', '26330000000000000001'];

function stringFor(name: string, s: Schema): string {
  const tests = (v: string) => (!s.pattern || new RegExp(s.pattern, 'u').test(v)) && v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
  const candidates: string[] = [];
  if (s.format === 'date-time') candidates.push(`${DATE}T08:00:00Z`);
  if (s.format === 'date') candidates.push(DATE);
  if (s.format === 'email') candidates.push('matrix@example.com');
  for (const [re, v] of HINTS) if (re.test(name)) candidates.push(v);
  if (/^(taxRate)$/.test(name)) candidates.unshift('0.13');
  candidates.push(...FALLBACKS);
  for (const c of candidates) {
    const v = c.length < (s.minLength ?? 0) ? c.padEnd(s.minLength, '测') : c;
    if (tests(v)) return v;
  }
  throw new Error(`cannot generate a value for field "${name}" (${JSON.stringify(s)}): extend HINTS in scope-matrix.fixture.ts`);
}

/** A minimal valid value: required fields, plus ids that name records (filled from `idOf`) and their companions. */
function valueFor(doc: Schema, name: string, raw: Schema, idOf: (field: string) => string): unknown {
  const s = deref(doc, raw);
  if (isId(name) && BY_FIELD[name]) return idOf(name);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return valueFor(doc, name, alts.find((a: Schema) => deref(doc, a).type !== 'null') ?? alts[0], idOf);
  const type = Array.isArray(s.type) ? s.type.find((x: string) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set<string>(s.required ?? []);
      for (const [k, v] of Object.entries<Schema>(s.properties ?? {})) {
        if (required.has(k) || (BY_FIELD[k] && !DIRECTORY.has(BY_FIELD[k]!)) || k in COMPANIONS) {
          out[k] = k in COMPANIONS && !required.has(k) ? COMPANIONS[k] : valueFor(doc, k, v, idOf);
        }
      }
      return out;
    }
    case 'array': return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => valueFor(doc, name, s.items ?? {}, idOf));
    case 'integer': case 'number': return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean': return false;
    case 'string': return isId(name) ? idOf(name) : stringFor(name, s);
    default: return isId(name) ? idOf(name) : 'matrix';
  }
}

/**
 * The request for a route with every record it names taken from `ids` (the fixture's, or unknown ones for the
 * control). Throws FixtureMissing when a record the route names has no fixture. With `filters: false`, only the
 * query parameters the route requires (a list or report as a whole).
 */
export function requestFor(doc: Schema, route: Route, ids: Record<Kind, string>, opts: { filters?: boolean } = {}): Req {
  const filters = opts.filters ?? true;
  const idOfField = (field: string) => {
    const kind = BY_FIELD[field];
    if (!kind) throw new FixtureMissing(`add a fixture for ${route.key}: no record for the field "${field}" (BY_FIELD in scope-matrix.fixture.ts)`);
    return ids[kind];
  };
  let path = route.path;
  const query: Record<string, string> = {};
  for (const p of (route.op.parameters ?? []) as Schema[]) {
    const s = deref(doc, p.schema ?? {});
    if (p.in === 'path') {
      const v = isId(p.name) ? ids[pathKind(route, p.name)] : String(valueFor(doc, p.name, s, idOfField));
      path = path.replace(`{${p.name}}`, encodeURIComponent(v));
    } else if (p.in === 'query' && (p.required || (filters && (isId(p.name) || p.name in COMPANIONS)))) {
      query[p.name] = isId(p.name) ? idOfField(p.name) : p.name in COMPANIONS ? String(COMPANIONS[p.name]) : String(valueFor(doc, p.name, s, idOfField));
    }
  }
  const schema = bodySchema(doc, route.op);
  const hand = HAND_READ_BODIES[route.key];
  const body = hand ? hand() : schema ? valueFor(doc, 'body', schema, idOfField) : ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
  return { method: route.method, path, query, body };
}

/** Fresh ids for every kind: records that do not exist, to compare an outsider's answer with. */
export function unknownIds(): Record<Kind, string> {
  return new Proxy({} as Record<Kind, string>, { get: () => crypto.randomUUID() });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed response body
export interface Answer { status: number; code: string | null; contentType: string; json: any; text: string; bytes: Buffer }

export async function send(baseUrl: string, client: Client | null, req: Req): Promise<Answer> {
  const qs = new URLSearchParams(req.query).toString();
  const headers: Record<string, string> = {};
  if (client) headers.authorization = `Bearer ${client.token}`;
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${req.path}${qs ? `?${qs}` : ''}`, { method: req.method, headers, body: req.body === undefined ? undefined : JSON.stringify(req.body) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const contentType = res.headers.get('content-type') ?? '';
  const text = /json|text/.test(contentType) ? bytes.toString('utf8') : '';
  let json: Answer['json'] = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: res.status, code: json?.code ?? null, contentType, json, text, bytes };
}

/** Everything a person could read in an answer: the JSON or text, or every cell of a workbook. */
export async function readable(a: Answer): Promise<string> {
  if (a.contentType.includes('spreadsheetml')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a.bytes as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { cells.push(String(c.text ?? '')); })));
    return cells.join('\n');
  }
  return a.text || a.bytes.toString('latin1');
}

/** Method and path of every /api/v1 route Fastify serves, from printRoutes (to find routes missing from the document). */
export function servedRoutes(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = line.match(/^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack[depth] = m[2]!;
    const full = stack.join('');
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) {
      if (full.startsWith('/api/v1/')) out.push(`${method} ${full.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return out;
}
