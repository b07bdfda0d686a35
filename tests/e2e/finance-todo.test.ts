// Finance works her to-do list from the home page, in a real browser on the demo tenant: a payment waiting to be
// confirmed opens the claimed payments and she confirms it; unapplied cash opens the write-off workbench on that payment
// and she applies the proposal; each leaves her list and the home figures move by exactly the amounts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, getJson, logInAs, reportFailures, startE2E, until, type E2E } from './harness';

const FINANCE = { email: 'zhou.jing@demo.l2c.cn', password: 'demo1234' };
const REP = { email: 'li.na@demo.l2c.cn', password: 'demo1234' };

interface Home { finance: { paymentsToConfirm: { count: number; amount: string }; unapplied: { count: number; amount: string } } }

let e2e: E2E | undefined;
let page: Page;

const cents = (v: string) => Math.round(Number(v) * 100);

describe('finance works her to-do list', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
    // a rep registers money a customer of hers paid: claimed, it waits for finance
    const login = await fetch(`${e2e.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(REP) });
    const token = ((await login.json()) as { token: string }).token;
    const rep = (path: string, body?: unknown) => fetch(`${e2e!.baseUrl}/api/v1${path}`, {
      method: body ? 'POST' : 'GET', headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    }).then(async (r) => ({ status: r.status, body: await r.json() as { items: Array<{ id: string }> } & { number: string } }));
    const customers = await rep('/customers?limit=1');
    const registered = await rep('/payments', { customerId: customers.body.items[0]!.id, amount: '6600.00', receivedOn: new Date().toISOString().slice(0, 10) });
    expect(registered.status).toBe(201);
    await logInAs(e2e, page, FINANCE);
  }, 300_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('confirms a claimed payment from her to-do list', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await byId(page, 'home-todo').waitFor();
    const before = await getJson<Home>(e2e!, page, '/home');
    expect(before.finance.paymentsToConfirm.count).toBeGreaterThan(0);
    const item = byId(page, 'todo-payment_to_confirm').first();
    const number = (await item.getAttribute('data-number'))!;
    await item.click();
    await page.waitForURL((u) => u.pathname === '/payments');
    const row = page.locator('[data-testid="payment-row"]', { hasText: number });
    await row.getByTestId('payment-confirm').click();
    await byId(page, 'payment-confirm-ok').click();
    await until('the payment is confirmed', async () => (await row.getByTestId('payment-confirm').count()) === 0);
    await byId(page, 'nav-home').click();
    await byId(page, 'home-todo').waitFor();
    const after = await getJson<Home>(e2e!, page, '/home');
    expect(after.finance.paymentsToConfirm.count).toBe(before.finance.paymentsToConfirm.count - 1);
    await until('it left her list', async () => (await byId(page, 'todo-payment_to_confirm').filter({ hasText: number }).count()) === 0);
  });

  it('applies unapplied cash: the to-do opens the workbench on the payment, she confirms the proposal', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await byId(page, 'nav-home').click();
    await byId(page, 'home-todo').waitFor();
    const before = await getJson<Home>(e2e!, page, '/home');
    const item = byId(page, 'todo-unapplied_payment').first();
    await item.waitFor();
    const number = (await item.getAttribute('data-number'))!;
    await item.click();
    await page.waitForURL((u) => u.pathname === '/write-off' && u.searchParams.has('paymentId'));
    await byId(page, 'workbench-strategy-oldest_due').click();
    await until('the proposal fills an amount', async () => Number(await byId(page, 'workbench-selected').getAttribute('data-value')) > 0);
    const applied = (await byId(page, 'workbench-selected').getAttribute('data-value'))!;
    await byId(page, 'workbench-confirm').click();
    await until('the write-off is in the history', async () => (await byId(page, 'writeoff-row').allInnerTexts()).some((t) => t.includes(number)));
    await byId(page, 'nav-home').click();
    await byId(page, 'home-todo').waitFor();
    const after = await getJson<Home>(e2e!, page, '/home');
    // unapplied cash fell by exactly what she applied
    expect(cents(before.finance.unapplied.amount) - cents(after.finance.unapplied.amount)).toBe(cents(applied));
  });
});
