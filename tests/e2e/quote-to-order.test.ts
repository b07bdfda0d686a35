// Quote to order (issue 11 "done when"), in a real browser on the demo tenant: a rep (李娜) builds a quote with a
// configured bundle and a 15 % discount, submits it; her manager (张伟) approves it in the inbox; she lowers the
// discount to 12 % — the quote falls back to draft and needs approval again (the approval was bound to the old
// content hash); approved again, the customer accepts, and the order contract carries the priced lines to the cent.
// The catalog is set up through its API by the admin first (the demo's catalog is not this test's subject).
import { dec } from '@l2c/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, type E2E, getJson, logInAs, reportFailures, startE2E, until, DEMO_ADMIN } from './harness';

const REP = { email: 'li.na@demo.l2c.cn', password: 'demo1234' };
const MANAGER = { email: 'zhang.wei@demo.l2c.cn', password: 'demo1234' };
const TAG = Date.now().toString(36).slice(-5).toUpperCase();

let e2e: E2E | undefined;
let page: Page;
let kitCode = '';
let customer: { id: string; name: string };
let quoteId = '';

async function api(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${e2e!.baseUrl}/api/v1${path}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}
async function tokenOf(user: { email: string; password: string }) {
  const res = await fetch(`${e2e!.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  return ((await res.json()) as { token: string }).token;
}

/** Pick an option in an antd Select by typing and taking the first match. */
async function choose(select: ReturnType<typeof byId>, text: string, option: string) {
  await select.click();
  await page.keyboard.type(text);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
  await item.waitFor();
  await item.click();
}

async function approveAsManager() {
  await logInAs(e2e!, page, MANAGER);
  await page.goto(`${e2e!.baseUrl}/approvals`);
  expect(quoteNumber, 'the quote was made').not.toBe('');
  const item = byId(page, 'approval-item').filter({ hasText: quoteNumber });
  await item.waitFor();
  expect(await item.getByTestId('approval-doc-link').getAttribute('href')).toBe(`/quotes/${quoteId}`);
  await item.getByTestId('approval-approve').click();
  await byId(page, 'approval-decide-ok').click();
  await until('the request leaves the inbox', async () => (await byId(page, 'approval-item').filter({ hasText: quoteNumber }).count()) === 0);
}
let quoteNumber = '';

const status = async () => byId(page, 'quote-status').getAttribute('data-status');
/** antd's InputNumber puts the test id on the <input> itself. */
const numberInput = (id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

describe('quote to order: configured, approved, changed, approved again, accepted', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
    const admin = await tokenOf(DEMO_ADMIN);
    const unit = await api(admin, 'POST', '/catalog/units', { code: `t${TAG.toLowerCase()}`, name: '台' });
    const line = await api(admin, 'POST', '/catalog/product-lines', { code: `E2E${TAG}`, name: '物联网硬件' });
    const spu = (code: string, name: string) => api(admin, 'POST', '/catalog/spus', { code: `${code}-${TAG}`, name, kind: 'goods', productLineId: line.id, baseUnitId: unit.id, taxRate: '0.13' });
    const gwSpu = await spu('GW', '边缘网关');
    const senSpu = await spu('SEN', '温度传感器');
    const kitSpu = await spu('KIT', '监测套装');
    const gw = await api(admin, 'POST', '/catalog/skus', { spuId: gwSpu.id, code: `GW-${TAG}`, name: '边缘网关 GW', listPrice: '1000.00', cost: '600' });
    const sen = await api(admin, 'POST', '/catalog/skus', { spuId: senSpu.id, code: `SEN-${TAG}`, name: '温度传感器 T1', listPrice: '199.90', cost: '80' });
    kitCode = `KIT-${TAG}`;
    const kit = await api(admin, 'POST', '/catalog/skus', { spuId: kitSpu.id, code: kitCode, name: '监测套装', listPrice: '0.00', isBundle: true });
    await api(admin, 'PUT', `/catalog/bundles/${kit.id}`, {
      version: kit.version,
      groups: [
        { code: 'gw', name: '网关', required: true, minOptions: 1, maxOptions: 1, options: [{ key: 'gw', skuId: gw.id, isDefault: true }] },
        { code: 'sensors', name: '传感器', options: [{ key: 'sen', skuId: sen.id, isDefault: true, defaultQty: '3', maxQty: '10' }] },
      ],
      rules: [],
    });
    const rep = await tokenOf(REP);
    customer = (await api(rep, 'GET', '/customers?limit=1&sort=-createdAt')).items[0];
  }, 600_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('the rep builds a configured quote with a 15 % discount and submits it', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await logInAs(e2e!, page, REP);
    await page.goto(`${e2e!.baseUrl}/quotes/new`);
    await choose(page.locator('#quote-customer'), customer.name.slice(0, 4), customer.name);
    await byId(page, 'quote-title').fill(`园区监测项目 ${TAG}`);
    await choose(byId(page, 'quote-add-sku'), kitCode, kitCode);
    await byId(page, 'configure-ok').click(); // the defaults: one gateway, three sensors
    await numberInput('quote-line-discount-0').fill('15');
    await byId(page, 'quote-save').click();
    await page.waitForURL((u) => /\/quotes\/[0-9a-f-]{36}$/.test(u.pathname));
    quoteId = page.url().split('/').pop()!;
    await until('version 1 is priced', async () => (await status()) === 'draft');
    const q = await getJson<{ number: string; pricing: { lines: Array<{ lineId: string; amountInclTax: string }>; totals: { amountInclTax: string } } }>(e2e!, page, `/quotes/${quoteId}`);
    quoteNumber = q.number;
    // kit 0 + gateway 1000 + 3 sensors 599.70, 15 % off: 850.00 + 509.74 (89.955 off rounds half-up to 89.96)
    expect(q.pricing.lines.map((l) => [l.lineId, l.amountInclTax])).toEqual([['L1', '0.00'], ['L1.1', '850.00'], ['L1.2', '509.74']]);
    expect(q.pricing.totals.amountInclTax).toBe('1359.74');
    expect(await byId(page, 'quote-line-amount-L1.1').innerText()).toContain('850.00');
    await byId(page, 'quote-submit').click();
    await until('in approval', async () => (await status()) === 'pending_approval');
  });

  it('the manager approves it in the inbox', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await approveAsManager();
  });

  it('the rep changes the discount to 12 %: the quote needs approval again', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await logInAs(e2e!, page, REP);
    await page.goto(`${e2e!.baseUrl}/quotes/${quoteId}`);
    await until('approved', async () => (await status()) === 'approved');
    const input = numberInput('quote-line-discount-0');
    await input.fill('12');
    await page.keyboard.press('Control+s'); // keyboard-friendly: Ctrl+S saves
    await until('back to draft after the change', async () => (await status()) === 'draft');
    await byId(page, 'quote-reapproval').waitFor();
    const q = await getJson<{ contentHash: string; approvedHash: string; versionSeq: number; pricing: { totals: { amountInclTax: string } } }>(e2e!, page, `/quotes/${quoteId}`);
    expect(q.versionSeq).toBe(2);
    expect(q.contentHash).not.toBe(q.approvedHash);
    expect(q.pricing.totals.amountInclTax).toBe('1407.74'); // 880.00 + 527.74
    expect(await byId(page, 'quote-accept').count(), 'no acceptance of unapproved content').toBe(0);
    await byId(page, 'quote-submit').click();
    await until('in approval again', async () => (await status()) === 'pending_approval');
  });

  it('approved again, the customer accepts and the order contract carries the priced lines', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await approveAsManager();
    await logInAs(e2e!, page, REP);
    await page.goto(`${e2e!.baseUrl}/quotes/${quoteId}`);
    await until('approved', async () => (await status()) === 'approved');
    await byId(page, 'quote-accept').click();
    await until('accepted', async () => (await status()) === 'accepted');
    const link = byId(page, 'quote-contract-link');
    await link.waitFor();
    const q = await getJson<{ contract: { id: string }; pricing: { lines: Array<{ amountInclTax: string; taxAmount: string; quantity: string }>; totals: { amountInclTax: string } } }>(e2e!, page, `/quotes/${quoteId}`);
    const contract = await getJson<{ amountInclTax: string; status: string; lines: Array<{ amountInclTax: string; taxAmount: string; quantity: string; productCode: string | null }> }>(e2e!, page, `/contracts/${q.contract.id}`);
    expect(contract.status).toBe('draft');
    expect(contract.lines.map((l) => [l.amountInclTax, l.taxAmount])).toEqual(q.pricing.lines.map((l) => [l.amountInclTax, l.taxAmount]));
    expect(contract.lines.map((l) => dec(l.quantity).toString())).toEqual(['1', '1', '3']);
    expect(contract.lines[0]!.productCode).toBe(kitCode);
    expect(contract.amountInclTax).toBe(q.pricing.totals.amountInclTax);
    await link.click();
    await page.waitForURL((u) => u.pathname === `/contracts/${q.contract.id}`);
    const problems = e2e!.browserProblems().filter((p) => !p.includes('favicon'));
    expect(problems, 'no browser errors or failed API calls').toEqual([]);
  });
});
