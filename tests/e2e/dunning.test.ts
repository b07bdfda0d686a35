// Dunning 催收 in a real browser, with mail delivered to a real SMTP server started here (smtp-server): an overdue
// customer walks through the standard policy's steps as finance runs the dunning day by day (the as-of date is the
// clock: reminder −3, due day, +7 rep task, +15 manager task, +30 letter 催款函 with its PDF, +60 credit hold), the
// mails arrive, the credit tab shows the hold; then the collector (the customer's rep) records a promise to pay 承诺付款
// from her worklist and finds it among the promises.
import { addDays, dateIn } from '@l2c/shared';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dunningZh from '../../packages/web/src/i18n/dunning.zh-CN';
import { byId, type E2E, getJson, reportFailures, startE2E, until, logInAs } from './harness';

const FINANCE = { email: 'zhou.jing@demo.l2c.cn', password: 'demo1234' };
const REP = { email: 'li.na@demo.l2c.cn', password: 'demo1234' };
const CUSTOMER_MAIL = 'ap@e2e-dunning.test';
const today = dateIn(new Date(), 'Asia/Shanghai');
const due = addDays(today, -60);

let e2e: E2E | undefined;
let page: Page;
let smtp: SMTPServer;
const inbox: Array<{ to: string[]; raw: string }> = [];
let customer: { id: string; name: string };
let receivableNumber: string;

const loginAs = (user: { email: string; password: string }) => logInAs(e2e!, page, user);

/** A bearer client for setting up the scenario through the API (what an integration would do). */
async function apiAs(user: { email: string; password: string }) {
  const login = await fetch(`${e2e!.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  const { token } = (await login.json()) as { token: string };
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${e2e!.baseUrl}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json() as Record<string, unknown>;
    expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
    return json;
  };
}

const mine = () => inbox.filter((m) => m.to.includes(CUSTOMER_MAIL));
const subjectOf = (raw: string) => {
  const line = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return line.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')));
};

async function runAsOf(day: string) {
  const picker = byId(page, 'dunning-asof');
  await picker.click();
  await picker.fill(day);
  await picker.press('Enter');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/dunning/run') && r.request().method() === 'POST');
  await byId(page, 'dunning-run').click();
  const res = await answer;
  expect(res.status()).toBe(200);
  return (await res.json()) as { asOf: string; steps: number; mailSent: number };
}

describe('dunning: an overdue customer walks through the steps; a real email arrives; the rep records a promise', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => { inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') }); callback(); });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const addr = smtp.server.address();
    process.env.L2C_SMTP_URL = `smtp://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}?ignoreTLS=true`; // the server process inherits it
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
    const rep = await apiAs(REP);
    const c = await rep('POST', '/customers', { name: `浙江催收演练机电有限公司${Date.now() % 100000}`, grade: 'B', allowDuplicate: true });
    customer = { id: c.id as string, name: c.name as string };
    await rep('POST', `/customers/${customer.id}/contacts`, { name: '钱会计', email: CUSTOMER_MAIL, isPrimary: true });
    const finance = await apiAs(FINANCE);
    const r = await finance('POST', '/receivables', { customerId: customer.id, amount: '36000.00', businessDate: addDays(due, -30), dueDate: due, reason: '催收演练' });
    receivableNumber = r.number as string;
  }, 300_000);

  afterAll(async () => {
    delete process.env.L2C_SMTP_URL;
    await e2e?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }, 60_000);

  it('finance runs the dunning day by day: reminder, due day, rep task, manager task, letter, credit hold — with real mail', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await loginAs(FINANCE);
    await page.goto(`${e2e!.baseUrl}/dunning?tab=history`);
    const walk: Array<[number, string[]]> = [
      [-3, ['email']], [0, ['notice', 'email']], [7, ['task']], [15, ['task']], [30, ['letter']], [60, ['hold']],
    ];
    for (const [offset] of walk) {
      await runAsOf(addDays(due, offset));
    }
    const runs = await getJson<{ items: Array<{ action: string; offsetDays: number; receivableNumber: string }> }>(e2e!, page, `/dunning/runs?customerId=${customer.id}`);
    expect(runs.items.map((r) => `${r.offsetDays}:${r.action}`).sort()).toEqual(walk.flatMap(([o, actions]) => actions.map((a) => `${o}:${a}`)).sort());
    // the history tab shows them, with the letter's PDF to download
    await page.reload();
    await until('the history lists the letter', async () => (await byId(page, 'dunning-history').innerText()).includes(dunningZh.dunning.actions.letter));
    expect(await byId(page, 'dunning-history').innerText()).toContain(receivableNumber);
    // real mail: the reminder, the due-day mail and the letter (with its PDF) reached the customer's address
    await until('three mails reached the customer', async () => mine().length >= 3);
    const subjects = mine().map((m) => subjectOf(m.raw));
    expect(subjects).toEqual([
      `付款提醒 Payment reminder: ${receivableNumber}`, `今日到期 Due today: ${receivableNumber}`, `催款函 Payment demand: ${receivableNumber}`,
    ]);
    expect(mine()[2]!.raw).toMatch(/Content-Type: application\/pdf/i);
    // the outbox shows them sent
    await byId(page, 'dunning-tab-outbox').click();
    await until('the outbox shows sent mail', async () => (await byId(page, 'dunning-outbox').innerText()).includes(CUSTOMER_MAIL));
    // +60: the customer's credit is on hold, shown on its credit tab
    await page.goto(`${e2e!.baseUrl}/customers/${customer.id}?tab=credit`);
    await byId(page, 'credit-hold').waitFor();
    expect(await byId(page, 'credit-hold').innerText()).toContain(receivableNumber);
  });

  it('the rep finds the customer on her worklist and records a promise to pay', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await loginAs(REP);
    await page.goto(`${e2e!.baseUrl}/dunning`);
    await byId(page, `promise-${customer.id}`).click();
    await byId(page, 'promise-amount').fill('20000');
    const date = byId(page, 'promise-date');
    await date.click();
    await date.fill(addDays(today, 5));
    await date.press('Enter');
    await byId(page, 'promise-note').fill('钱会计承诺下周二先付两万');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/dunning/promises') && r.request().method() === 'POST');
    await byId(page, 'promise-save').click();
    expect((await saved).status()).toBe(201);
    const promises = await getJson<{ items: Array<{ customerId: string; amount: string; promisedOn: string; status: string }> }>(e2e!, page, `/dunning/promises?customerId=${customer.id}`);
    expect(promises.items).toEqual([expect.objectContaining({ amount: '20000.00', promisedOn: addDays(today, 5), status: 'open' })]);
    await byId(page, 'dunning-tab-promises').click();
    await until('the promise is listed', async () => (await byId(page, 'dunning-promises').innerText()).includes(customer.name));
    expect(await byId(page, 'dunning-promises').innerText()).toContain(dunningZh.dunning.promiseStatus.open);
  });
});
