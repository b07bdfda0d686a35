// Administration and the home pages, in a real browser on the demo tenant. An admin sets a new customer's credit limit
// in 系统管理 → 信用额度 (the position explains available = limit − open − committed), and the rep's contract that was
// over credit no longer needs finance's approval. Finance works her to-do list on the home page: a payment waiting to
// be confirmed opens the payments list, she confirms it, and it is gone from her list.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, DEMO_ADMIN, type E2E, reportFailures, startE2E, until, logInAs } from './harness';

const REP = { email: 'li.na@demo.l2c.cn', password: 'demo1234' };
const FINANCE = { email: 'zhou.jing@demo.l2c.cn', password: 'demo1234' };

let e2e: E2E | undefined;
let page: Page;
let repToken: string;
const customerName = `信用额度演示客户${Date.now().toString(36)}有限公司`;
let customerId: string;
let contractId: string;
let paymentNumber: string;

const loginAs = (user: { email: string; password: string }) => logInAs(e2e!, page, user);

/** The rep's own API calls (an integration would make them the same way). */
async function asRep<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${e2e!.baseUrl}/api/v1${path}`, {
    method, headers: { authorization: `Bearer ${repToken}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

describe('administration and home pages', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
    const login = await fetch(`${e2e.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(REP) });
    repToken = ((await login.json()) as { token: string }).token;
    // a new grade-C customer of the rep and an order contract of ¥113,000.00, still a draft
    customerId = (await asRep<{ id: string }>('POST', '/customers', { name: customerName, grade: 'C', allowDuplicate: true })).body.id;
    const contract = await asRep<{ id: string }>('POST', '/contracts', {
      kind: 'order', customerId, title: '信用额度演示合同', pricesIncludeTax: true, paymentTermDays: 30, planTemplate: 'full_on_signing',
      lines: [{ description: '数控机床 CK6150', quantity: '1', unitPrice: '113000.00', taxRate: '0.13' }],
    });
    expect(contract.status).toBe(201);
    contractId = contract.body.id;
    const payment = await asRep<{ number: string }>('POST', '/payments', { customerId, amount: '8800.00', receivedOn: new Date().toISOString().slice(0, 10) });
    expect(payment.status).toBe(201);
    paymentNumber = payment.body.number;
  }, 300_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('a new customer has no credit, so the rep\'s contract would need finance', async () => {
    const compliance = await asRep<{ issues: Array<{ code: string }> }>('GET', `/contracts/${contractId}/compliance`);
    expect(compliance.body.issues.map((i) => i.code)).toContain('credit_exceeded');
  });

  it('the admin sets the customer\'s credit limit in 系统管理, and the position explains what is available', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await loginAs(DEMO_ADMIN);
    await byId(page, 'nav-admin').click();
    await byId(page, 'admin-tab-credit').click();
    await page.locator('#credit-customer').fill(customerName.slice(0, 10));
    await page.locator('.ant-select-item-option', { hasText: customerName }).click();
    await byId(page, 'credit-position').waitFor();
    expect(await byId(page, 'limit-source').innerText()).toBe('未设定额度（等级无默认值）');
    expect(await byId(page, 'credit-available').textContent()).toBe('0.00');
    await byId(page, 'credit-limit').fill('200000');
    await byId(page, 'credit-save').click();
    await until('the position shows the new limit', async () => (await byId(page, 'limit-source').innerText()) === '单独设定的额度');
    expect(await byId(page, 'credit-available').textContent()).toBe('200000.00');
    expect(await byId(page, 'credit-position').innerText()).toContain('可用额度 = 信用额度 − 未收应收 − 已占用合同');
    // the change is in the customer's credit history
    await until('the history lists the change', async () => (await page.locator('.ant-timeline-item').count()) > 0);
  });

  it('the rep\'s contract is now within credit: submitted, its approval has no finance step', async () => {
    const compliance = await asRep<{ issues: Array<{ code: string }> }>('GET', `/contracts/${contractId}/compliance`);
    expect(compliance.body.issues.map((i) => i.code)).not.toContain('credit_exceeded');
    const contract = await asRep<{ version: number }>('GET', `/contracts/${contractId}`);
    const submitted = await asRep<{ approval: { steps: Array<{ name: string }> } | null }>('POST', `/contracts/${contractId}/submit`, { version: contract.body.version });
    expect(submitted.status).toBe(200);
    expect((submitted.body.approval?.steps ?? []).map((s) => s.name)).not.toContain('Finance');
  });

  it('finance works her to-do list: a payment to confirm opens the payments list, she confirms it, it leaves her list', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await loginAs(FINANCE);
    await byId(page, 'home-todo').waitFor();
    const before = Number((await byId(page, 'home-to-confirm-hint').innerText()).replace(/\D/g, ''));
    expect(before).toBeGreaterThan(0);
    // the oldest claimed payment comes first (the one the rep just registered, or an older one of the demo)
    const item = byId(page, 'todo-payment_to_confirm').first();
    paymentNumber = (await item.getAttribute('data-number'))!;
    await item.click();
    await page.waitForURL((u) => u.pathname === '/payments');
    const row = page.locator('[data-testid="payment-row"]', { hasText: paymentNumber });
    await row.getByTestId('payment-confirm').click();
    await byId(page, 'payment-confirm-ok').click();
    await until('the payment is confirmed', async () => (await row.getByTestId('payment-confirm').count()) === 0);
    await byId(page, 'nav-home').click();
    await until('the home page counts one fewer payment to confirm', async () =>
      Number((await byId(page, 'home-to-confirm-hint').innerText()).replace(/\D/g, '')) === before - 1);
    expect(await byId(page, 'todo-payment_to_confirm').filter({ hasText: paymentNumber }).count()).toBe(0);
  });
});
