// Dunning 催收 end to end over HTTP and a real SMTP server started here (smtp-server): an overdue customer walks through
// the standard policy's steps day by day — reminder mail before the due date, notice and mail on the day, a task for
// the rep at +7, for the manager at +15, a formal letter 催款函 (PDF attached) at +30, a credit hold at +60 that makes
// the contracts domain refuse — each step once per receivable however many runs race; a customer whose unapplied cash
// covers its debt is not chased but listed for finance; policies per grade / risk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { sql } from 'kysely';
import { addDays } from '@l2c/shared';
import { asSystem } from '../src/platform/db.js';
import { businessDate } from '../src/platform/clock.js';
import { runDunningTenant, runDunning, dunningJob, closeTransports } from '../src/domains/dunning/index.js';
import { runOverdue } from '../src/domains/collections/index.js';
import { JOBS } from '../src/app.js';
import { runJobOnce, type JobDefinition } from '../src/platform/jobs.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';
import { orderBody } from './contracts-helpers.js';

interface Received { to: string[]; raw: string }
let h: Awaited<ReturnType<typeof testApp>>;
let t: TestTenant;
let finance: Client;
let rep: Client;
let manager: Client;
let smtp: SMTPServer;
const inbox: Received[] = [];
const today = businessDate(new Date(), 'Asia/Shanghai');
const due = addDays(today, -60); // the walk ends today, with the +60 hold
let customer: string;
let receivable: { id: string; number: string };
let covered: string;

async function startSmtp(): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const addr = smtp.server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}

/** Subject of a received mail, decoded from its MIME encoded-words. */
function subjectOf(raw: string): string {
  const line = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return line.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')));
}

beforeAll(async () => {
  h = await testApp();
  t = await makeTenant(h.db);
  await asSystem(h.db, async (tx) => {
    await sql`update teams set manager_id = ${t.users.managerEast.id} where id = ${t.teams.east}`.execute(tx);
  });
  const port = await startSmtp();
  process.env.L2C_SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
  process.env.L2C_SMTP_FROM = 'L2C 财务 <finance@l2c.test>';
  finance = await login(h.baseUrl, t.users.finance);
  rep = await login(h.baseUrl, t.users.repEast);
  manager = await login(h.baseUrl, t.users.managerEast);
  customer = (await rep.post('/api/v1/customers', { name: '杭州催收测试机械有限公司', grade: 'B' })).body.id;
  const contact = await rep.post(`/api/v1/customers/${customer}/contacts`, { name: '王会计', email: 'ap@dunning-customer.test', isPrimary: true });
  expect(contact.status, JSON.stringify(contact.body)).toBe(201);
  const res = await finance.post('/api/v1/receivables', { customerId: customer, amount: '10000.00', businessDate: addDays(due, -30), dueDate: due, reason: '催收测试' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  receivable = { id: res.body.id, number: res.body.number };
});

afterAll(async () => {
  delete process.env.L2C_SMTP_URL;
  delete process.env.L2C_SMTP_FROM;
  closeTransports();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const runs = async () => (await finance.get(`/api/v1/dunning/runs?customerId=${customer}`)).body.items as Array<{ stepName: string; action: string; offsetDays: number; runOn: string; id: string; mailStatus: string | null }>;
const run = async (asOf: string) => {
  const res = await finance.post('/api/v1/dunning/run', { asOf });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { steps: number; covered: number; mailSent: number };
};

describe('the dunning walk of one overdue customer', () => {
  it('is a daily job registered with the scheduler', () => {
    expect(dunningJob.name).toBe('dunning.run');
    expect(JOBS).toContain(dunningJob);
  });

  it('starts with a standard and a high-risk policy, steps relative to the due date', async () => {
    const res = await finance.get('/api/v1/dunning/policies');
    expect(res.status).toBe(200);
    const std = res.body.items.find((p: { riskLevel: string | null }) => p.riskLevel === null);
    expect(std.steps.map((s: { offsetDays: number; action: string; recipient: string }) => `${s.offsetDays}:${s.action}:${s.recipient}`)).toEqual([
      '-3:email:customer', '0:notice:owner', '0:email:customer', '7:task:owner', '15:task:manager', '30:letter:finance', '60:hold:finance',
    ]);
    expect(res.body.items.find((p: { riskLevel: string | null }) => p.riskLevel === 'high').steps.at(-1)).toMatchObject({ offsetDays: 30, action: 'hold' });
  });

  it('3 days before the due date: a reminder mail reaches the customer over SMTP', async () => {
    const r = await run(addDays(due, -3));
    expect(r).toMatchObject({ steps: 1, mailSent: 1 });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.to).toEqual(['ap@dunning-customer.test']);
    expect(subjectOf(inbox[0]!.raw)).toBe(`付款提醒 Payment reminder: ${receivable.number}`);
    expect(inbox[0]!.raw).toContain('From: =?UTF-8?B?');
    expect((await runs())[0]).toMatchObject({ offsetDays: -3, action: 'email', mailStatus: 'sent' });
  });

  it('on the due date: the rep is notified and the customer mailed; a second run the same day does nothing', async () => {
    expect(await run(due)).toMatchObject({ steps: 2, mailSent: 1 });
    expect(await run(due)).toMatchObject({ steps: 0, mailSent: 0 });
    expect(subjectOf(inbox[1]!.raw)).toBe(`今日到期 Due today: ${receivable.number}`);
    const notices = (await rep.get('/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'dunning');
    expect(notices).toHaveLength(1);
    expect(notices[0].title).toBe(`催收提醒：应收 ${receivable.number} 今日到期`);
  });

  it('+7 a task for the rep, +15 a task for the manager', async () => {
    expect(await run(addDays(due, 7))).toMatchObject({ steps: 1 });
    const repTasks = (await rep.get('/api/v1/dunning/tasks')).body.items;
    expect(repTasks).toHaveLength(1);
    expect(repTasks[0]).toMatchObject({ customerId: customer, receivableId: receivable.id, status: 'open', dueOn: addDays(due, 7) });
    expect(await run(addDays(due, 15))).toMatchObject({ steps: 1 });
    const mgrTasks = (await manager.get('/api/v1/dunning/tasks')).body.items;
    expect(mgrTasks).toHaveLength(1);
    expect(mgrTasks[0].title).toContain('逾期 15 天');
    const done = await rep.post(`/api/v1/dunning/tasks/${repTasks[0].id}/done`);
    expect(done.body).toEqual({ id: repTasks[0].id, status: 'done' });
    expect((await manager.post(`/api/v1/dunning/tasks/${repTasks[0].id}/done`)).status).toBe(404); // not his task
  });

  it('+30 a formal letter 催款函 from finance: a PDF mailed to the customer and downloadable', async () => {
    expect(await run(addDays(due, 30))).toMatchObject({ steps: 1, mailSent: 1 });
    const mail = inbox.at(-1)!;
    expect(subjectOf(mail.raw)).toBe(`催款函 Payment demand: ${receivable.number}`);
    expect(mail.raw).toMatch(/Content-Type: application\/pdf/i);
    const letter = (await runs()).find((r) => r.action === 'letter')!;
    const pdf = await fetch(`${h.baseUrl}/api/v1/dunning/runs/${letter.id}/letter.pdf`, { headers: { authorization: `Bearer ${rep.token}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const repNorth = await login(h.baseUrl, t.users.repNorth);
    expect((await repNorth.get(`/api/v1/dunning/runs/${letter.id}/letter.pdf`)).status).toBe(404); // not his customer
  });

  it('+60 a credit hold: the contracts domain refuses a new contract until finance releases it', async () => {
    // racing runs (three "processes") of the same day: the hold step runs once
    const racing = await Promise.all([0, 1, 2].map(() => runDunningTenant(h.db, t.tenantId, today)));
    expect(racing.reduce((s, r) => s + r.steps, 0)).toBe(1);
    const view = await finance.get(`/api/v1/customers/${customer}/credit-assessments`);
    expect(view.body).toMatchObject({ onHold: true });
    expect(view.body.holdReason).toContain(receivable.number);
    const draft = await rep.post('/api/v1/contracts', orderBody(customer));
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const submit = await rep.post(`/api/v1/contracts/${draft.body.id}/submit`, {});
    expect(submit.status).toBe(422);
    expect(submit.body.code).toBe('contracts.compliance_failed');
    expect(submit.body.errors).toEqual([{ path: 'customerId', message: `the customer's credit is on hold: ${receivable.number} 60 days past due (dunning)` }]);
    const released = await finance.post(`/api/v1/customers/${customer}/credit-hold/release`, { reason: '客户已承诺付款，经理同意继续供货' });
    expect(released.status).toBe(200);
    expect(released.body.onHold).toBe(false);
    expect((await finance.post(`/api/v1/customers/${customer}/credit-hold/release`, { reason: 'again' })).status).toBe(409);
    const steps = (await runs()).map((r) => `${r.offsetDays}:${r.action}`).sort();
    expect(steps).toEqual(['-3:email', '0:email', '0:notice', '15:task', '30:letter', '60:hold', '7:task'].sort());
    const audit = await asSystem(h.db, async (tx) => (await sql<{ action: string }>`select action from audit_log
      where tenant_id = ${t.tenantId} and entity_type = 'credit_profile' and entity_id = ${customer} order by at`.execute(tx)).rows.map((r) => r.action));
    expect(audit).toEqual(['credit_hold', 'credit_release']);
  });

  it('three schedulers claiming the same day run it once (platform/jobs.ts), and add nothing once every step ran', async () => {
    const job: JobDefinition = { name: `dunning.run:test:${t.tenantId}`, run: (db, at) => runDunning(db, at, { tenantIds: [t.tenantId] }) };
    const before = (await runs()).length;
    const results = await Promise.all([0, 1, 2].map(() => runJobOnce(h.db, job, new Date())));
    expect(results.filter((r) => r === 'ran')).toHaveLength(1);
    expect((await runs()).length).toBe(before);
  });

  it('the scheduler-wide run adds nothing for this tenant once every step ran', async () => {
    const before = (await runs()).length;
    await runDunning(h.db, new Date(), { tenantIds: [t.tenantId] });
    expect((await runs()).length).toBe(before);
  });
});

describe('unapplied cash', () => {
  it('a customer whose unapplied cash covers its overdue amount is not chased, but listed for finance', async () => {
    // ¥18,000 overdue and ¥18,000 paid but not yet applied: nothing to chase
    covered = (await rep.post('/api/v1/customers', { name: '上海已付款未核销有限公司', grade: 'B' })).body.id;
    expect((await finance.post('/api/v1/receivables', { customerId: covered, amount: '18000.00', businessDate: addDays(today, -40), dueDate: addDays(today, -10), reason: '催收测试' })).status).toBe(201);
    const pay = await finance.post('/api/v1/payments', { customerId: covered, amount: '18000.00', receivedOn: addDays(today, -2), confirm: true });
    expect(pay.status, JSON.stringify(pay.body)).toBe(201);
    expect(await run(today)).toMatchObject({ covered: 1 });
    const chased = (await finance.get(`/api/v1/dunning/runs?customerId=${covered}`)).body.items;
    expect(chased).toEqual([]);
    const list = await finance.get('/api/v1/dunning/covered');
    expect(list.body.items).toEqual([expect.objectContaining({ customerId: covered, overdue: '18000.00', unapplied: '18000.00', currency: 'CNY' })]);
    const work = await finance.get('/api/v1/dunning/worklist');
    expect(work.body.items.map((i: { customerId: string }) => i.customerId)).not.toContain(covered);
  });

  it('the overdue job sends it no overdue notice, and aging shows its unapplied cash and a net overdue of 0', async () => {
    await runOverdue(h.db, new Date(), { tenantIds: [t.tenantId] });
    const notices = await asSystem(h.db, async (tx) => (await sql<{ entity_id: string }>`select n.entity_id from notifications n
      join receivables r on r.id = n.entity_id where n.tenant_id = ${t.tenantId} and n.kind = 'overdue' and r.customer_id = ${covered}`.execute(tx)).rows);
    expect(notices).toEqual([]);
    const aging = await finance.get('/api/v1/aging?groupBy=customer&limit=50');
    expect(aging.status, JSON.stringify(aging.body)).toBe(200);
    const row = aging.body.rows.find((r: { key: string }) => r.key === covered);
    expect(row).toMatchObject({ overdue: '18000.00', unapplied: '18000.00', netOverdue: '0.00' });
    const chased = aging.body.rows.find((r: { key: string }) => r.key === customer);
    expect(chased).toMatchObject({ overdue: '10000.00', unapplied: '0.00', netOverdue: '10000.00' });
  });
});

describe('mail without an SMTP server', () => {
  it('lands in the outbox, visible in the UI, and goes out once a server is configured', async () => {
    const url = process.env.L2C_SMTP_URL;
    delete process.env.L2C_SMTP_URL;
    try {
      const other = (await rep.post('/api/v1/customers', { name: '宁波无邮件服务器测试有限公司', grade: 'C' })).body.id;
      await rep.post(`/api/v1/customers/${other}/contacts`, { name: '李出纳', email: 'cashier@outbox.test', isPrimary: true });
      expect((await finance.post('/api/v1/receivables', { customerId: other, amount: '300.00', businessDate: today, dueDate: addDays(today, 3), reason: '催收测试' })).status).toBe(201);
      const r = await run(today);
      expect(r).toMatchObject({ steps: 1, mailSent: 0 });
      const outbox = await finance.get(`/api/v1/dunning/mail?status=outbox&customerId=${other}`);
      expect(outbox.body.smtpConfigured).toBe(false);
      expect(outbox.body.items).toHaveLength(1);
      expect(outbox.body.items[0]).toMatchObject({ toAddress: 'cashier@outbox.test', status: 'outbox' });
      expect((await finance.post(`/api/v1/dunning/mail/${outbox.body.items[0].id}/send`)).status).toBe(409);
      process.env.L2C_SMTP_URL = url;
      const sent = await finance.post(`/api/v1/dunning/mail/${outbox.body.items[0].id}/send`);
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      expect(sent.body.status).toBe('sent');
      expect(inbox.at(-1)!.to).toEqual(['cashier@outbox.test']);
      expect((await finance.post(`/api/v1/dunning/mail/${outbox.body.items[0].id}/send`)).status).toBe(409);
    } finally {
      process.env.L2C_SMTP_URL = url;
    }
  });
});

describe('dunning policies', () => {
  it('a policy per grade applies to customers of that grade; a step that ran cannot be removed', async () => {
    const created = await finance.post('/api/v1/dunning/policies', {
      name: 'A 级客户 Key accounts', grade: 'A', priority: 10,
      steps: [{ offsetDays: 10, action: 'notice', recipient: 'owner', name: '逾期 10 天提醒' }, { offsetDays: 0, action: 'email', recipient: 'customer', name: '到期通知' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.steps.map((s: { seq: number; offsetDays: number }) => [s.seq, s.offsetDays])).toEqual([[1, 0], [2, 10]]);
    expect((await rep.post('/api/v1/dunning/policies', { name: 'x', steps: [{ offsetDays: 0, action: 'notice', recipient: 'owner', name: 'x' }] })).status).toBe(403);
    const a = (await rep.post('/api/v1/customers', { name: '苏州 A 级客户有限公司', grade: 'A' })).body.id;
    expect((await finance.post('/api/v1/receivables', { customerId: a, amount: '500.00', businessDate: addDays(today, -20), dueDate: addDays(today, -10), reason: '催收测试' })).status).toBe(201);
    await run(today);
    const aRuns = (await finance.get(`/api/v1/dunning/runs?customerId=${a}`)).body.items;
    expect(aRuns.map((r: { stepName: string }) => r.stepName)).toEqual(['逾期 10 天提醒']); // the latest due step, not the missed mail
    const upd = await fetch(`${h.baseUrl}/api/v1/dunning/policies/${created.body.id}`, {
      method: 'PUT', headers: { authorization: `Bearer ${finance.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'A 级客户', grade: 'A', priority: 10, version: created.body.version, steps: [{ offsetDays: 0, action: 'email', recipient: 'customer', name: '到期通知' }] }),
    });
    expect(upd.status).toBe(409);
    expect(((await upd.json()) as { code: string }).code).toBe('dunning.step_in_use');
  });
});
