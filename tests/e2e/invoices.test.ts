// Invoices 发票 in a real browser on the demo tenant: 李娜 requests one invoice over two receivables of her customer;
// 周静 (finance) approves it in its drawer, the number comes back by importing the tax platform's export workbook, and
// she red-letters part of it (confirmation → confirmed → red invoice number); the receivable's drawer shows what is
// invoiced and what is not.
import ExcelJS from 'exceljs';
import { addMoney, dec, roundMoney } from '@l2c/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import invoicesZh from '../../packages/web/src/i18n/invoices.zh-CN';
import { byId, type E2E, getJson, reportFailures, startE2E, until, logInAs } from './harness';

const REP = { email: 'li.na@demo.l2c.cn', password: 'demo1234' };
const FINANCE = { email: 'zhou.jing@demo.l2c.cn', password: 'demo1234' };
const BLUE_NO = '26332000009900000001';
const RED_NO = '26332000009900000002';

let e2e: E2E | undefined;
let page: Page;
const apiGet = <T>(path: string) => getJson<T>(e2e!, page, path);

interface Rec { id: string; number: string; amount: string; customer: { id: string; name: string } }
interface Figures { amount: string; invoiced: string; requested: string; uninvoiced: string }
let customer: { id: string; name: string };
let picked: Rec[];
let requestId: string;
let requestNumber: string;
let total: string;

const loginAs = (user: { email: string; password: string }) => logInAs(e2e!, page, user);

describe('invoices: requested by the rep, approved and issued by finance, partly red-lettered', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('the rep requests one invoice over two receivables of her customer', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await loginAs(REP);
    // A customer of hers with two receivables nothing has been invoiced on yet.
    const mine = (await apiGet<{ items: Rec[] }>('/receivables?kind=invoice&limit=200&sort=dueDate')).items;
    const byCustomer = new Map<string, Rec[]>();
    for (const r of mine) {
      const f = await apiGet<Figures>(`/receivables/${r.id}/invoicing`);
      if (f.uninvoiced === r.amount) byCustomer.set(r.customer.id, [...(byCustomer.get(r.customer.id) ?? []), r]);
      if ((byCustomer.get(r.customer.id)?.length ?? 0) >= 2) break;
    }
    const [, list] = [...byCustomer.entries()].find(([, l]) => l.length >= 2)!;
    picked = list.slice(0, 2);
    customer = picked[0]!.customer;
    total = addMoney(picked.map((r) => r.amount), 'CNY');

    await page.goto(`${e2e!.baseUrl}/invoices`);
    await byId(page, 'invoice-request-new').click();
    const select = page.locator('#invoice-request-customer');
    await select.click();
    await select.fill(customer.name.slice(0, 6));
    await page.locator('.ant-select-item-option').filter({ hasText: customer.name }).first().click();
    for (const r of picked) await byId(page, 'invoice-source-check').and(page.locator(`[data-number="${r.number}"]`)).click();
    await until('the line follows the sources\' total', async () => (await byId(page, 'invoice-line-amount').inputValue()) === total);
    await byId(page, 'invoice-line-name').fill('工业物联网网关');
    await byId(page, 'invoice-request-submit').click();

    const drawer = byId(page, 'invoice-request-drawer');
    await drawer.waitFor();
    await until('the request is in approval', async () => (await byId(page, 'invoice-request-drawer-status').innerText()) === invoicesZh.invoice.statuses.pending);
    expect(await byId(page, 'invoice-request-total').getAttribute('data-value')).toBe(total);
    requestId = new URL(page.url()).searchParams.get('id')!;
    const req = await apiGet<{ number: string; items: Array<{ amount: string }>; taxAmount: string; lines: Array<{ taxAmount: string }> }>(`/invoice-requests/${requestId}`);
    requestNumber = req.number;
    expect(req.items.map((i) => i.amount)).toEqual(picked.map((r) => r.amount));
    expect(req.taxAmount).toBe(addMoney(req.lines.map((l) => l.taxAmount), 'CNY'));
    for (const r of picked) expect((await apiGet<Figures>(`/receivables/${r.id}/invoicing`)).requested).toBe(r.amount);
  });

  it('finance approves it and the number comes back with the tax platform\'s export', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await loginAs(FINANCE);
    await page.goto(`${e2e!.baseUrl}/invoices?id=${requestId}`);
    await byId(page, 'invoice-request-approve').click();
    await until('approved, waiting to be issued', async () => (await byId(page, 'invoice-request-drawer-status').innerText()) === invoicesZh.invoice.statuses.approved);
    await page.keyboard.press('Escape');

    // The platform's export: its own columns (the demo's saved mapping reads 发票号码, 开票日期, 价税合计 and 备注).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('发票');
    ws.addRow(['发票号码', '开票日期', '购买方名称', '价税合计', '备注']);
    ws.addRow([BLUE_NO, '2026-12-06', customer.name, total, `${requestNumber}`]);
    await page.locator('input[type=file]').setInputFiles({ name: '数电发票导出.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    const row = byId(page, 'invoice-request-row').and(page.locator(`[data-number="${requestNumber}"]`));
    await until('the request is issued', async () => (await row.getByTestId('invoice-request-status').innerText()) === invoicesZh.invoice.statuses.issued);
    expect(await row.innerText()).toContain(BLUE_NO);
    for (const r of picked) expect(await apiGet<Figures>(`/receivables/${r.id}/invoicing`)).toMatchObject({ invoiced: r.amount, requested: '0.00', uninvoiced: '0.00' });
  });

  it('finance red-letters part of the first line; once confirmed, the red invoice is recorded', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    const inv = (await apiGet<{ items: Array<{ id: string; number: string }> }>(`/invoices?receivableId=${picked[0]!.id}`)).items.find((i) => i.number === BLUE_NO)!;
    const red = roundMoney(dec(picked[0]!.amount).times('0.1'), 'CNY');
    await page.goto(`${e2e!.baseUrl}/invoices?tab=register&id=${inv.id}`);
    await byId(page, 'invoice-red').click();
    await page.getByText(invoicesZh.invoice.red.partial).click();
    await byId(page, 'invoice-red-line-amount').first().fill(red);
    await byId(page, 'invoice-red-receivable').click();
    await page.locator('.ant-select-item-option').filter({ hasText: picked[0]!.number }).click();
    await byId(page, 'invoice-red-ok').click();
    await until('the blue invoice holds the red amount', async () => (await byId(page, 'invoice-red-amount').getAttribute('data-value')) === red);

    await page.goto(`${e2e!.baseUrl}/invoices?tab=red`);
    const rcRow = byId(page, 'red-row').filter({ hasText: BLUE_NO });
    await rcRow.getByTestId('red-confirm').click();
    await until('the confirmation is confirmed', async () => (await rcRow.getByTestId('red-status').innerText()) === invoicesZh.invoice.redStatuses.confirmed, 30_000);
    await rcRow.getByTestId('red-issue').click();
    await byId(page, 'invoice-issue-number').fill(RED_NO);
    await byId(page, 'invoice-issue-ok').click();
    await until('the confirmation is issued', async () => (await rcRow.getByTestId('red-status').innerText()) === invoicesZh.invoice.redStatuses.issued, 30_000);
    expect(await rcRow.innerText()).toContain(RED_NO);

    // The receivable's drawer: invoiced less the red part, which is uninvoiced again.
    await page.goto(`${e2e!.baseUrl}/receivables?id=${picked[0]!.id}`);
    await byId(page, 'receivable-invoicing').waitFor();
    const invoiced = roundMoney(dec(picked[0]!.amount).minus(dec(red)), 'CNY');
    await until('the drawer shows invoiced / uninvoiced', async () => (await byId(page, 'receivable-invoicing-invoiced').getAttribute('data-value')) === invoiced);
    expect(await byId(page, 'receivable-invoicing-uninvoiced').getAttribute('data-value')).toBe(red);
    // Errors and failed API calls only: React/antd deprecation warnings of other pages (the home page) are not ours.
    const problems = e2e!.browserProblems().filter((p) => !p.includes('favicon') && !p.startsWith('console: Warning:'));
    expect(problems, 'no browser errors or failed API calls').toEqual([]);
  });
});
