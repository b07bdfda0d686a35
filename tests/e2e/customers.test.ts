// The customer story in a real browser: the demo admin logs in, creates a customer through the form, finds it with the
// list search, opens it and sees its history; switches the UI to English; uses the list on a phone; logs out.
import crypto from 'node:crypto';
import { creditCodeCheckChar } from '@l2c/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../packages/web/src/i18n/en';
import zhCN from '../../packages/web/src/i18n/zh-CN';
import { byId, DEMO_ADMIN, type E2E, reportFailures, startE2E, until } from './harness';

let e2e: E2E | undefined;
let page: Page;

const suffix = crypto.randomBytes(3).toString('hex').toUpperCase();
const customer = { name: `浙江端到端测试${suffix}科技有限公司`, creditCode: validCreditCode() };
let customerUrl = '';

function validCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91330106';
  while (body.length < 17) body += alphabet[crypto.randomInt(alphabet.length)];
  return body + creditCodeCheckChar(body);
}

describe('customers in the browser', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('the demo admin logs in', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/customers`);
    await page.waitForURL(/\/login/); // not signed in: sent to the login page, keeping where we wanted to go
    await byId(page, 'login-email').fill(DEMO_ADMIN.email);
    await byId(page, 'login-password').fill(DEMO_ADMIN.password);
    await byId(page, 'login-submit').click();
    await page.waitForURL((u) => u.pathname === '/customers');
    await byId(page, 'nav-customers').waitFor();
    expect(await byId(page, 'nav-customers').innerText()).toBe(zhCN.nav.customers);
    expect(await byId(page, 'nav-pool').innerText()).toBe(zhCN.nav.pool);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('creates a customer through the form', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await byId(page, 'customer-new').click();
    await page.waitForURL((u) => u.pathname === '/customers/new');
    await byId(page, 'customer-form-name').fill(customer.name);
    await byId(page, 'customer-form-creditCode').fill(customer.creditCode.toLowerCase()); // the form upper-cases it
    await byId(page, 'customer-form-submit').click();
    await page.waitForURL((u) => /^\/customers\/[0-9a-f-]{36}$/.test(u.pathname));
    customerUrl = page.url();
    await until('the detail page shows the new customer', async () => (await byId(page, 'customer-title').innerText()) === customer.name);
    expect(await page.getByText(customer.creditCode).count()).toBeGreaterThan(0);
  });

  it('finds it with the list search, opens it and sees its audit entry', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await byId(page, 'nav-customers').click();
    await page.waitForURL((u) => u.pathname === '/customers');
    await byId(page, 'customer-row').first().waitFor(); // the demo customers
    expect(await byId(page, 'customer-row').count()).toBeGreaterThan(1);

    const search = byId(page, 'customer-search');
    await search.fill(customer.name.slice(0, 10)); // a part of the name is enough
    await search.press('Enter');
    await until('the search leaves exactly the new customer', async () => {
      const rows = await byId(page, 'customer-row').allInnerTexts();
      return rows.length === 1 && rows[0]!.includes(customer.name);
    });
    expect(new URL(page.url()).searchParams.get('q')).toBe(customer.name.slice(0, 10)); // the search is in the URL

    await byId(page, 'customer-row').getByTestId('customer-link').click();
    await page.waitForURL(customerUrl);
    // the customer's one timeline (audit trail, follow-ups, money): a new customer has only its creation
    await byId(page, 'customer-tab-timeline').click();
    await byId(page, 'c360-event').first().waitFor();
    const entries = await byId(page, 'c360-event').allInnerTexts();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toContain(zhCN.audit.actions.create);
    expect(entries[0]).toContain('王磊'); // the demo admin made it
  });

  it('switches the language to English and back', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/customers`);
    await byId(page, 'customer-new').waitFor();
    expect(await byId(page, 'customer-new').innerText()).toContain(zhCN.customer.list.new);
    await byId(page, 'lang-switch').click();
    await until('the navigation is in English', async () => (await byId(page, 'nav-customers').innerText()) === en.nav.customers);
    expect(await byId(page, 'nav-pool').innerText()).toBe(en.nav.pool);
    expect(await byId(page, 'customer-new').innerText()).toContain(en.customer.list.new);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The choice survives a reload.
    await page.reload();
    await byId(page, 'nav-customers').waitFor();
    expect(await byId(page, 'nav-customers').innerText()).toBe(en.nav.customers);

    await byId(page, 'lang-switch').click();
    await until('the navigation is in Chinese again', async () => (await byId(page, 'nav-customers').innerText()) === zhCN.nav.customers);
  });

  it('the customer list is usable on a phone (375×812)', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    const phone = await e2e!.newPage({ viewport: { width: 375, height: 812 } });
    try {
      await phone.goto(`${e2e!.baseUrl}/customers`);
      await byId(phone, 'customer-row').first().waitFor();
      // Nothing wider than the screen: the page itself does not scroll sideways (a wide table scrolls inside its box).
      const pageWidth = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth, 'page width on a 375px screen').toBeLessThanOrEqual(375);
      for (const id of ['customer-search', 'customer-new']) {
        const box = await byId(phone, id).boundingBox();
        expect(box, `${id} is on screen`).not.toBeNull();
        expect(box!.x, `${id} left edge`).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, `${id} right edge`).toBeLessThanOrEqual(375);
      }
      // The side menu is a drawer on phones.
      expect(await byId(phone, 'nav-customers').isVisible()).toBe(false);
      await byId(phone, 'nav-drawer-toggle').click();
      await byId(phone, 'nav-pool').waitFor();
      await byId(phone, 'nav-customers').click();
      await until('the drawer closes after navigating', async () => !(await byId(phone, 'nav-pool').isVisible()));

      await byId(phone, 'customer-search').fill(customer.name);
      await byId(phone, 'customer-search').press('Enter');
      await until('the search finds the customer on the phone', async () => {
        const rows = await byId(phone, 'customer-row').allInnerTexts();
        return rows.length === 1 && rows[0]!.includes(customer.name);
      });
      await byId(phone, 'customer-link').first().click();
      await phone.waitForURL(customerUrl);
      await until('the detail page opens on the phone', async () => (await byId(phone, 'customer-title').innerText()) === customer.name);
    } finally {
      await phone.close();
    }
  });

  it('logs out through the user menu', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await byId(page, 'user-menu').click();
    await byId(page, 'logout').click();
    await page.waitForURL(/\/login/);
    await byId(page, 'login-email').waitFor();
    // The session is gone: the list sends us back to the login page.
    await page.goto(`${e2e!.baseUrl}/customers`);
    await page.waitForURL(/\/login/);
  });
});
