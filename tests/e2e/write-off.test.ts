// The write-off story in a real browser: finance registers (and confirms) a payment for a demo customer with an open
// receivable — a double click books it once — opens the write-off workbench, picks the payment, accepts the proposal
// (oldest due first) and confirms; the receivable then shows paid, and the aging dashboard's total open has dropped
// by exactly the payment.
import crypto from 'node:crypto';
import { dec } from '@l2c/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '../../packages/web/src/i18n/zh-CN';
import { byId, type E2E, getJson, reportFailures, startE2E, until } from './harness';

const FINANCE = { email: 'zhou.jing@demo.l2c.cn', password: 'demo1234' };

let e2e: E2E | undefined;
let page: Page;
/** GET an API path with the browser's session (same cookies as the page). */
const apiGet = <T>(path: string) => getJson<T>(e2e!, page, path);

interface OpenReceivable { id: string; number: string; customer: { id: string; name: string }; dueDate: string; amountOpen: string }
let target: OpenReceivable;
let paymentNumber = '';
let agingBefore = '';
const bankReference = `E2E-${crypto.randomBytes(4).toString('hex').toUpperCase()}`;

/** Pick a customer in an antd customer select (found by the input's id): type a part of the name, click the option. */
async function pickCustomer(inputSelector: string, name: string): Promise<void> {
  await page.locator(inputSelector).click();
  await page.locator(inputSelector).fill(name.slice(0, 8));
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first();
  await option.waitFor();
  await option.click();
}

async function agingTotalOpen(): Promise<string> {
  await page.goto(`${e2e!.baseUrl}/aging`);
  const figure = byId(page, 'aging-total-open').locator('[data-value]');
  await figure.waitFor();
  await byId(page, 'aging-chart').waitFor();
  return (await figure.getAttribute('data-value')) ?? '';
}

describe('register a payment and write it off in the browser', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('finance logs in and finds a customer whose oldest open receivable is the one to pay', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/login`);
    await byId(page, 'login-email').fill(FINANCE.email);
    await byId(page, 'login-password').fill(FINANCE.password);
    await byId(page, 'login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await byId(page, 'nav-write-off').waitFor();
    expect(await byId(page, 'nav-write-off').innerText()).toBe(zhCN.nav.writeOff);

    // Every open invoice of the demo tenant; a customer whose earliest due date is held by one receivable only, so the
    // oldest-due proposal for a payment of exactly that amount pays that receivable and nothing else.
    const open = await apiGet<{ items: OpenReceivable[] }>('/aging/receivables?limit=200');
    const byCustomer = new Map<string, OpenReceivable[]>();
    for (const r of open.items) byCustomer.set(r.customer.id, [...(byCustomer.get(r.customer.id) ?? []), r]);
    const candidates = [...byCustomer.values()]
      .map((rs) => rs.sort((a, b) => a.dueDate.localeCompare(b.dueDate)))
      .filter((rs) => rs.length > 1 && rs[0]!.dueDate !== rs[1]!.dueDate && dec(rs[0]!.amountOpen).gt(0));
    expect(candidates.length, 'a demo customer with several open receivables').toBeGreaterThan(0);
    target = candidates[0]![0]!;
    // Its confirmed payments have no unapplied money left, so the only one in the workbench will be ours.
    agingBefore = await agingTotalOpen();
    expect(dec(agingBefore).gte(dec(target.amountOpen))).toBe(true);
  });

  it('registers and confirms a payment of the open amount; a double click books it once', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/payments`);
    await byId(page, 'payment-register').click();
    await pickCustomer('#payment-customer', target.customer.name);
    await byId(page, 'payment-amount').fill(target.amountOpen);
    await byId(page, 'payment-payer').fill(target.customer.name);
    await byId(page, 'payment-bank-reference').fill(bankReference);
    expect(await byId(page, 'payment-confirm-now').isChecked(), 'finance confirms at once by default').toBe(true);
    await byId(page, 'payment-form-submit').dblclick();
    await byId(page, 'payment-form').waitFor({ state: 'detached' });

    const booked = await apiGet<{ items: Array<{ number: string; status: string; amount: string; amountUnapplied: string }> }>(
      `/payments?q=${encodeURIComponent(bankReference)}`,
    );
    expect(booked.items, 'one payment with the bank reference').toHaveLength(1);
    const p = booked.items[0]!;
    expect(p.status).toBe('confirmed');
    expect(p.amount).toBe(target.amountOpen);
    expect(p.amountUnapplied).toBe(target.amountOpen);
    paymentNumber = p.number;
    await until('the payment shows in the list', async () => (await byId(page, 'payment-number').allInnerTexts()).includes(paymentNumber));
  });

  it('writes the payment off in the workbench by accepting the proposal', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await byId(page, 'nav-write-off').click();
    await page.waitForURL((u) => u.pathname === '/write-off');
    await byId(page, 'workbench-customer').waitFor();
    await pickCustomer('#workbench-customer-input', target.customer.name);

    const row = byId(page, 'workbench-payment-row').filter({ hasText: paymentNumber });
    await row.waitFor();
    await row.click();
    await byId(page, 'workbench-strategy-oldest_due').click();

    // The proposal fills the amount of the target receivable with its whole open amount, and nothing else.
    const targetRow = byId(page, 'workbench-receivable-row').filter({ hasText: target.number });
    await until('the proposal fills the target row', async () =>
      (await targetRow.getByTestId('workbench-amount-input').inputValue()) === target.amountOpen);
    const filled = (await byId(page, 'workbench-amount-input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
      .filter((v) => v !== '');
    expect(filled).toEqual([target.amountOpen]);
    expect(await byId(page, 'workbench-selected').getAttribute('data-value')).toBe(target.amountOpen);

    await byId(page, 'workbench-confirm').click();
    await until('the write-off appears in the history', async () =>
      (await byId(page, 'writeoff-row').allInnerTexts()).some((t) => t.includes(paymentNumber) && t.includes(target.number)));
    await until('the paid receivable leaves the open list', async () =>
      (await byId(page, 'workbench-receivable-row').filter({ hasText: target.number }).count()) === 0);
    // The reverse button is there for the new write-off.
    const historyRow = byId(page, 'writeoff-row').filter({ hasText: paymentNumber }).first();
    expect(await historyRow.getByTestId('writeoff-reverse').count()).toBe(1);
  });

  it('the receivable shows paid', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/receivables?id=${target.id}`);
    await byId(page, 'receivable-status').waitFor();
    await until('the drawer shows the receivable paid', async () =>
      (await byId(page, 'receivable-status').getAttribute('data-status')) === 'paid');
    expect(await byId(page, 'receivable-status').innerText()).toBe(zhCN.enums.receivableStatus.paid);
    expect(await byId(page, 'receivable-open').getAttribute('data-value')).toBe('0.00');
  });

  it('the aging dashboard\'s total open dropped by the payment', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    const after = await agingTotalOpen();
    expect(dec(agingBefore).minus(dec(after)).toFixed(2)).toBe(dec(target.amountOpen).toFixed(2));
    const problems = e2e!.browserProblems().filter((p) => !p.includes('favicon'));
    expect(problems, 'no browser errors or failed API calls').toEqual([]);
  });
});
