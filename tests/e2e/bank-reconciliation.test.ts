// Bank reconciliation in a real browser, on the demo tenant: finance imports a bank export (CSV, a new column mapping
// made in the dialog and saved); two lines are written off by themselves (the remittance names the receivable; the
// payer is the customer and the amount one of its invoices), one waits with a proposal (the payer's two oldest
// invoices together) and finance confirms it; one comes from a private person and waits 待认领 until the rep 李娜
// claims it for her own customer. Every receivable involved ends paid. Then she starts registering a payment by hand
// for money the statement already shows waiting 待认领: the form offers to claim that bank payment instead, and the
// money is booked once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dec } from '@l2c/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '../../packages/web/src/i18n/bank.zh-CN';
import { byId, type E2E, getJson, reportFailures, startE2E, until } from './harness';

const FINANCE = { email: 'zhou.jing@demo.l2c.cn', password: 'demo1234' };
const REP = { email: 'li.na@demo.l2c.cn', password: 'demo1234' };

let e2e: E2E | undefined;
let page: Page;
const apiGet = <T>(p: string) => getJson<T>(e2e!, page, p);

interface Open { id: string; number: string; customer: { id: string; name: string }; dueDate: string; amountOpen: string; currency?: string }
const picked: { byRef?: Open; byPayer?: Open; pair?: Open[]; claim?: Open } = {};
let csvPath = '';
const tag = Date.now().toString(36).toUpperCase();

async function login(user: { email: string; password: string }) {
  await e2e!.context.clearCookies();
  await page.goto(`${e2e!.baseUrl}/login`);
  await byId(page, 'login-email').fill(user.email);
  await byId(page, 'login-password').fill(user.password);
  await byId(page, 'login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const openOf = async (id: string) => (await apiGet<{ amountOpen: string; status: string }>(`/receivables/${id}`));

describe('bank statement → automatic matching → confirm and claim, in the browser', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
  }, 240_000);
  afterAll(async () => {
    await e2e?.close();
    if (csvPath) fs.rmSync(path.dirname(csvPath), { recursive: true, force: true });
  }, 60_000);

  it('picks demo receivables: the rep\'s one to claim, and three other customers\' for the statement', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await login(REP);
    const hers = (await apiGet<{ items: Open[] }>('/aging/receivables?limit=200')).items.filter((r) => dec(r.amountOpen).gt(0));
    expect(hers.length, 'li.na has an open receivable').toBeGreaterThan(0);
    picked.claim = hers[0]!;
    const herCustomers = new Set(hers.map((r) => r.customer.id));
    await login(FINANCE);
    const all = (await apiGet<{ items: Open[] }>('/aging/receivables?limit=200')).items.filter((r) => dec(r.amountOpen).gt(0) && !herCustomers.has(r.customer.id));
    const byCustomer = new Map<string, Open[]>();
    for (const r of all) byCustomer.set(r.customer.id, [...(byCustomer.get(r.customer.id) ?? []), r]);
    const groups = [...byCustomer.values()].map((rs) => rs.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number)));
    const amountsOf = (rs: Open[]) => rs.map((r) => r.amountOpen);
    // a customer with 3+ open invoices whose two oldest together equal no single one and not all of them
    const pairGroup = groups.find((rs) => rs.length >= 3 && !amountsOf(rs).includes(dec(rs[0]!.amountOpen).plus(rs[1]!.amountOpen).toFixed(2)));
    expect(pairGroup, 'a customer with three open invoices').toBeTruthy();
    picked.pair = pairGroup!.slice(0, 2);
    const rest = groups.filter((rs) => rs !== pairGroup);
    // by payer: an invoice whose amount no other open invoice of its customer has
    const payerGroup = rest.find((rs) => amountsOf(rs).filter((a) => a === rs[0]!.amountOpen).length === 1)!;
    picked.byPayer = payerGroup[0]!;
    picked.byRef = rest.find((rs) => rs !== payerGroup)![0]!;

    // The bank's export: date, amount, running balance, payer, remittance, reference — oldest first.
    let balance = dec('500000.00');
    const rows: string[][] = [];
    const add = (amount: string, payer: string, text: string) => {
      balance = balance.plus(amount);
      rows.push(['2026-12-01', amount, balance.toFixed(2), payer, text, `E2E${tag}${rows.length + 1}`]);
    };
    add(picked.byRef.amountOpen, '某代付服务公司', `货款 ${picked.byRef.number}`);
    add(picked.byPayer.amountOpen, picked.byPayer.customer.name, '货款');
    add(dec(picked.pair[0]!.amountOpen).plus(picked.pair[1]!.amountOpen).toFixed(2), picked.pair[0]!.customer.name, '两笔货款');
    add(picked.claim.amountOpen, `个人汇款${tag}`, '');
    add('4321.00', `个人汇款二${tag}`, '');
    add('-25.00', '', '手续费');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-e2e-bank-'));
    csvPath = path.join(dir, `招行流水-${tag}.csv`);
    fs.writeFileSync(csvPath, ['日期,金额,余额,付款人,附言,流水号', ...rows.map((r) => r.join(','))].join('\n'));
  });

  it('finance imports the statement with a new column mapping; two lines match by themselves', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/bank`);
    await byId(page, 'bank-import').click();
    await page.locator('.ant-upload input[type=file]').setInputFiles(csvPath);
    await byId(page, 'bank-mapping-bank').fill(`招商银行E2E${tag}`);
    await byId(page, 'bank-mapping-bookedOn').fill('日期');
    await byId(page, 'bank-mapping-amount').fill('金额');
    await byId(page, 'bank-mapping-balance').fill('余额');
    await byId(page, 'bank-mapping-payerName').fill('付款人');
    await byId(page, 'bank-mapping-remittance').fill('附言');
    await byId(page, 'bank-mapping-bankReference').fill('流水号');
    await byId(page, 'bank-import-ok').click();
    await page.locator('.ant-notification-notice').filter({ hasText: '自动核销 2 笔' }).waitFor();
    expect(await openOf(picked.byRef!.id)).toMatchObject({ amountOpen: '0.00', status: 'paid' });
    expect(await openOf(picked.byPayer!.id)).toMatchObject({ amountOpen: '0.00', status: 'paid' });
    const statements = await apiGet<{ items: Array<{ fileName: string; status: string }> }>('/bank-statements?limit=5');
    expect(statements.items.find((s) => s.fileName.includes(tag))?.status).toBe('balanced');
    const mappings = await apiGet<{ items: Array<{ bank: string }> }>('/bank-column-mappings');
    expect(mappings.items.map((m) => m.bank)).toContain(`招商银行E2E${tag}`);
  });

  it('finance confirms the proposal that pays two invoices at once', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    const row = byId(page, 'bank-line-row').filter({ hasText: picked.pair![0]!.customer.name }).filter({ hasText: '两笔货款' });
    await row.waitFor();
    expect(await row.getByTestId('bank-proposal').getAttribute('data-confidence')).toBe('80');
    await row.getByTestId('bank-line-confirm').click();
    await page.locator('.ant-message').filter({ hasText: zhCN.bank.confirmOk }).waitFor();
    for (const r of picked.pair!) expect(await openOf(r.id)).toMatchObject({ amountOpen: '0.00', status: 'paid' });
    await byId(page, 'bank-line-row').filter({ hasText: '两笔货款' }).waitFor({ state: 'detached' });
  });

  it('the rep claims 认领 the private person\'s payment for her own customer', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await login(REP);
    await page.goto(`${e2e!.baseUrl}/bank`);
    expect(await byId(page, 'bank-import').count(), 'a rep does not import').toBe(0);
    const row = byId(page, 'bank-line-row').filter({ hasText: `个人汇款${tag}` });
    await row.waitFor();
    await row.getByTestId('bank-line-claim').click();
    const select = byId(page, 'bank-claim-customer').locator('input');
    await select.click();
    await select.fill(picked.claim!.customer.name.slice(0, 6));
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: picked.claim!.customer.name }).first().click();
    await byId(page, 'bank-claim-receivable').filter({ hasText: picked.claim!.number }).locator('input[type=checkbox]').check();
    await byId(page, 'bank-claim-ok').click();
    await page.locator('.ant-message').filter({ hasText: zhCN.bank.claimOk }).waitFor();
    await until('the claimed receivable is paid', async () => (await openOf(picked.claim!.id)).amountOpen === '0.00');
    expect(await openOf(picked.claim!.id)).toMatchObject({ status: 'paid' });
    // In her matched tab the line now shows her customer.
    await byId(page, 'bank-line-row').filter({ hasText: `个人汇款${tag}` }).waitFor({ state: 'detached' });
  });

  it('registering by hand money the statement shows waiting, the rep is offered to claim it instead — booked once', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    const customer = picked.claim!.customer;
    await page.goto(`${e2e!.baseUrl}/payments`);
    await byId(page, 'payment-register').click();
    await page.locator('#payment-customer').click();
    await page.locator('#payment-customer').fill(customer.name.slice(0, 6));
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: customer.name }).first();
    await option.waitFor();
    await option.click();
    await byId(page, 'payment-amount').fill('4321.00');
    // antd puts the test id on the picker's input, or on its wrapper
    const date = page.locator('input[data-testid="payment-received-on"], [data-testid="payment-received-on"] input').first();
    await date.click();
    await date.fill('2026-12-02');
    await date.press('Enter');
    expect(await date.inputValue()).toBe('2026-12-02');
    const offer = byId(page, 'payment-form-bank-waiting');
    await offer.waitFor();
    expect(await offer.innerText()).toContain(`个人汇款二${tag}`);
    await byId(page, 'payment-form-claim-bank').click();
    await page.locator('.ant-message').filter({ hasText: zhCN.bank.claimOk }).waitFor();
    await byId(page, 'payment-form').waitFor({ state: 'detached' });
    const line = (await apiGet<{ items: Array<{ payerName: string; status: string; payment: { status: string; customer: { id: string } | null } }> }>('/bank-statement-lines?q=4321.000&limit=50'))
      .items.find((l) => l.payerName === `个人汇款二${tag}`)!;
    expect(line).toMatchObject({ status: 'matched', payment: { status: 'confirmed', customer: { id: customer.id } } });
    // one payment of that money for the customer: the bank's, not a second one registered by hand
    const payments = await apiGet<{ items: Array<{ amount: string; status: string }> }>(`/payments?customerId=${customer.id}&limit=200`);
    expect(payments.items.filter((p) => p.amount === '4321.00' && p.status !== 'rejected')).toHaveLength(1);
  });
});
