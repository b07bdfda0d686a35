// The administration screens, each as its user would use it, in a real browser on the demo tenant: the admin adds a
// user and gets the one-time link to hand over, finds the team tree with its managers, fills the company profile used
// on statements, tightens the public-pool rules, and sets a new customer's credit limit — after which the rep's
// contract that was over credit no longer needs finance's approval.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, DEMO_ADMIN, getJson, logInAs, reportFailures, startE2E, until, type E2E } from './harness';

const REP = { email: 'li.na@demo.l2c.cn', password: 'demo1234' };

let e2e: E2E | undefined;
let page: Page;
let repToken: string;
const stamp = Date.now().toString(36);
const customerName = `管理演示客户${stamp}有限公司`;
let customerId: string;
let contractId: string;

async function asRep<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${e2e!.baseUrl}/api/v1${path}`, {
    method, headers: { authorization: `Bearer ${repToken}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

async function openTab(tab: string) {
  await byId(page, 'nav-admin').click();
  await byId(page, `admin-tab-${tab}`).click();
}

describe('administration screens', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
    const login = await fetch(`${e2e.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(REP) });
    repToken = ((await login.json()) as { token: string }).token;
    // the rep's new grade-C customer (no default limit for C) and an order contract of ¥113,000.00, still a draft
    customerId = (await asRep<{ id: string }>('POST', '/customers', { name: customerName, grade: 'C', allowDuplicate: true })).body.id;
    const contract = await asRep<{ id: string }>('POST', '/contracts', {
      kind: 'order', customerId, title: '管理演示合同', pricesIncludeTax: true, paymentTermDays: 30, planTemplate: 'full_on_signing',
      lines: [{ description: '数控机床 CK6150', quantity: '1', unitPrice: '113000.00', taxRate: '0.13' }],
    });
    expect(contract.status).toBe(201);
    contractId = contract.body.id;
    await logInAs(e2e, page, DEMO_ADMIN);
  }, 300_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('users: the admin adds a sales rep and gets the one-time link to set a password', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await openTab('users');
    await byId(page, 'user-add').click();
    await byId(page, 'user-name').fill('测试销售');
    const email = `rep.${stamp}@demo.l2c.cn`;
    await byId(page, 'user-email').fill(email);
    await byId(page, 'user-create-ok').click();
    const link = byId(page, 'password-link');
    await link.waitFor();
    expect(await link.inputValue()).toMatch(/\/set-password[#?]/);
    await page.getByRole('button', { name: 'OK' }).click();
    await until('the new user is listed', async () => (await byId(page, `role-${email}`).count()) === 1);
    const users = await getJson<{ items: Array<{ email: string; active: boolean }> }>(e2e!, page, '/users?limit=200');
    expect(users.items.some((u) => u.email === email)).toBe(true);
  });

  it('teams: the tree shows the regions, the sub-team and their managers', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await openTab('teams');
    await byId(page, 'team-华东大区').waitFor();
    // the managers' names arrive with the user list ('…' until then)
    await until('the managers are named', async () => (await byId(page, 'team-华东大区').innerText()).includes('张伟'));
    expect(await byId(page, 'team-上海组').count()).toBe(1);
    expect(await byId(page, 'team-华北大区').innerText()).toContain('孙强');
  });

  it('company: the profile used on statements is saved', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await openTab('company');
    await byId(page, 'company-legal-name').fill(`杭州云帆智能科技有限公司（${stamp}）`);
    await byId(page, 'company-taxpayer-id').fill('91330106MA2KXXXX1X');
    await byId(page, 'company-save').click();
    await until('the profile is saved', async () => {
      const p = await getJson<{ legalName: string; taxpayerId: string | null }>(e2e!, page, '/settings/company');
      return p.legalName === `杭州云帆智能科技有限公司（${stamp}）` && p.taxpayerId === '91330106MA2KXXXX1X';
    });
  });

  it('pool: the daily claim cap is tightened', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await openTab('pool');
    await byId(page, 'pool-claim-cap').fill('3');
    await byId(page, 'pool-save').click();
    await until('the rule is saved', async () => (await getJson<{ claimDailyCap: number }>(e2e!, page, '/settings/pool')).claimDailyCap === 3);
  });

  it('credit: a limit for the new customer, and the rep\'s contract no longer needs finance', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    const before = await asRep<{ issues: Array<{ code: string }> }>('GET', `/contracts/${contractId}/compliance`);
    expect(before.body.issues.map((i) => i.code)).toContain('credit_exceeded');
    await openTab('credit');
    await page.locator('#credit-customer').fill(customerName.slice(0, 10));
    await page.locator('.ant-select-item-option', { hasText: customerName }).click();
    await byId(page, 'credit-position').waitFor();
    await byId(page, 'credit-limit').fill('200000');
    await byId(page, 'credit-save').click();
    await until('the position shows the new limit', async () => (await byId(page, 'credit-available').textContent()) === '200000.00');
    const after = await asRep<{ issues: Array<{ code: string }> }>('GET', `/contracts/${contractId}/compliance`);
    expect(after.body.issues.map((i) => i.code)).not.toContain('credit_exceeded');
    const contract = await asRep<{ version: number }>('GET', `/contracts/${contractId}`);
    const submitted = await asRep<{ approval: { steps: Array<{ name: string; approverRoles?: string[] }> } | null }>('POST', `/contracts/${contractId}/submit`, { version: contract.body.version });
    expect(submitted.status).toBe(200);
    expect(JSON.stringify(submitted.body.approval?.steps ?? [])).not.toMatch(/finance|Finance|财务/);
  });

  it('pricing: a gift promotion (buy 10 edge boxes, get a sensor free) from the promotions form', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    const pick = async (testId: string, code: string) => {
      await byId(page, testId).locator('input').fill(code);
      await page.locator('.ant-select-item-option', { hasText: code }).first().click();
    };
    await page.goto(`${e2e!.baseUrl}/pricing`);
    await page.getByRole('tab', { name: '促销', exact: true }).click();
    await byId(page, 'promo-code').fill(`GIFT-${stamp}`);
    await byId(page, 'promo-name').fill('买十送一');
    await byId(page, 'promo-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '赠品' }).click();
    await pick('promo-sku', 'EC-200');
    await byId(page, 'promo-buyQuantity').fill('10');
    await pick('promo-gift-sku', 'SEN-T');
    await byId(page, 'promo-giftQuantity').fill('1');
    await byId(page, 'promo-create').click();
    type Promo = { code: string; rule: { kind: string; buyQuantity: string; giftQuantity: string; giftProductId: string; target: { productId: string } } };
    await until('the promotion is saved', async () => (await getJson<{ items: Promo[] }>(e2e!, page, '/promotions')).items.some((p) => p.code === `GIFT-${stamp}`), 30_000);
    const saved = (await getJson<{ items: Promo[] }>(e2e!, page, '/promotions')).items.find((p) => p.code === `GIFT-${stamp}`)!;
    const skus = await getJson<{ items: Array<{ id: string; code: string }> }>(e2e!, page, '/catalog/skus?limit=200');
    const id = (code: string) => skus.items.find((k) => k.code === code)!.id;
    expect(saved.rule).toMatchObject({ kind: 'gift', buyQuantity: '10', giftQuantity: '1', giftProductId: id('SEN-T'), target: { productId: id('EC-200') } });
    await page.getByText(`GIFT-${stamp}`).waitFor();
  });
});
