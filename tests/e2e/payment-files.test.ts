// Payment receipt files 回款凭证 in a real browser: a sales rep registers a payment of her customer with the bank
// receipt 银行回单 dropped into the form; it is uploaded once the payment exists; the payment's drawer lists it and
// downloads it byte for byte under its Chinese name; a second receipt is added from the drawer, and an .exe is
// refused before it is sent.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import payfilesZh from '../../packages/web/src/i18n/payfiles.zh-CN';
import { byId, type E2E, getJson, reportFailures, startE2E, until } from './harness';

const REP = { email: 'li.na@demo.l2c.cn', password: 'demo1234' };
const RECEIPT_NAME = '招商银行回单.pdf';
const receipt = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 招商银行 电子回单 ${crypto.randomUUID()}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const advice = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(64)]);
const bankReference = `E2E-RCPT-${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

let e2e: E2E | undefined;
let page: Page;
/** GET an API path with the browser's session (same cookies as the page). */
const apiGet = <T>(path: string) => getJson<T>(e2e!, page, path);
let paymentNumber = '';

describe('payment receipt files in the browser', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('a rep registers a payment with the bank receipt attached in the form', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/login`);
    await byId(page, 'login-email').fill(REP.email);
    await byId(page, 'login-password').fill(REP.password);
    await byId(page, 'login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const customer = (await apiGet<{ items: Array<{ id: string; name: string }> }>('/customers?limit=1&sort=name')).items[0]!;

    await page.goto(`${e2e!.baseUrl}/payments`);
    await byId(page, 'payment-register').click();
    await page.locator('#payment-customer').click();
    await page.locator('#payment-customer').fill(customer.name.slice(0, 8));
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: customer.name }).first();
    await option.waitFor();
    await option.click();
    await byId(page, 'payment-amount').fill('12345.60');
    await byId(page, 'payment-bank-reference').fill(bankReference);
    const input = byId(page, 'payment-form').locator('input[type=file]');
    await input.setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await until('the .exe is refused', async () => (await page.locator('.ant-message').innerText()).includes('setup.exe'));
    await input.setInputFiles({ name: RECEIPT_NAME, mimeType: 'application/pdf', buffer: receipt });
    await until('the receipt is listed in the form', async () => (await byId(page, 'payment-form').innerText()).includes(RECEIPT_NAME));
    expect(await byId(page, 'payment-form').innerText()).not.toContain('setup.exe');
    await byId(page, 'payment-form-submit').click();
    await byId(page, 'payment-form').waitFor({ state: 'detached' });

    const booked = await apiGet<{ items: Array<{ id: string; number: string; files: Array<{ name: string; sha256: string }> }> }>(
      `/payments?q=${encodeURIComponent(bankReference)}`,
    );
    expect(booked.items).toHaveLength(1);
    paymentNumber = booked.items[0]!.number;
    await until('the receipt is stored with the payment', async () =>
      JSON.stringify((await apiGet<{ files: unknown[] }>(`/payments/${booked.items[0]!.id}`)).files).includes(sha256(receipt)));
  });

  it('the drawer lists the receipt and downloads it byte for byte under its Chinese name', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    const row = byId(page, 'payment-row').filter({ hasText: paymentNumber });
    await until('the list shows the paper clip', async () => (await row.getByTestId('payment-file-count').innerText()).includes('1'));
    await row.getByTestId('payment-number').click();
    const link = byId(page, 'payment-drawer').getByTestId('payment-file-link');
    await link.first().waitFor();
    expect(await link.innerText()).toContain(RECEIPT_NAME);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(RECEIPT_NAME);
    const saved = await download.path();
    expect(sha256(fs.readFileSync(saved))).toBe(sha256(receipt));
  });

  it('adds the remittance advice from the drawer', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    const files = byId(page, 'payment-drawer').getByTestId('payment-files');
    expect(await files.innerText()).toContain(payfilesZh.paymentFiles.title);
    await files.locator('input[type=file]').setInputFiles({ name: '汇款通知.png', mimeType: 'image/png', buffer: advice });
    await until('two receipts are listed', async () => (await files.getByTestId('payment-file-link').count()) === 2);
    expect(await files.getByTestId('payment-file-link').allInnerTexts()).toEqual([expect.stringContaining(RECEIPT_NAME), expect.stringContaining('汇款通知.png')]);
    const problems = e2e!.browserProblems().filter((p) => !p.includes('favicon'));
    expect(problems, 'no browser errors or failed API calls').toEqual([]);
  });
});
