// Customer 360 and the lists people use, in a real browser on the demo tenant: the first screen comes up (its speed,
// under 1.5 s, is bench/first-screen.ts's figure); the customer page shows the money summary the server computed,
// the customer's contracts, receivables, payments and one timeline with readable changes; the receivables list opens on what is still
// owed with a totals row equal to the server's sums; contracts show what was collected; English dates read 2026-12-06.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, DEMO_ADMIN, getJson, logInAs, reportFailures, startE2E, until, type E2E } from './harness';

let e2e: E2E | undefined;
let page: Page;
let customer: { id: string; name: string };

interface Summary { money: Array<{ currency: string; contracted: string; collected: string; open: string; overdue: string; unapplied: string }>; credit: { available: string } }

describe('customer 360 and lists', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
  }, 300_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('the login page comes up, and the home page after logging in', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    // How fast is measured by bench/first-screen.ts (target under 1.5 s), not here: a timed test on a shared 2-core
    // machine fails on the machine's bad minute, not on a slow page (the guide's rule 6)
    await page.goto(`${e2e!.baseUrl}/login`);
    await byId(page, 'login-email').waitFor();
    await logInAs(e2e!, page, DEMO_ADMIN);
    await page.goto(`${e2e!.baseUrl}/`);
    await byId(page, 'home-welcome').waitFor();
    expect(e2e!.browserProblems()).toEqual([]);
  });

  it('the admin\'s home shows the approvals waiting for her and the aging trend at each month end, as the server computed it', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/`);
    await byId(page, 'home-approvals').waitFor();
    const inbox = await getJson<{ items: Array<{ docNumber: string }> }>(e2e!, page, '/approvals/inbox?limit=200');
    expect(await byId(page, 'home-approval').count()).toBe(Math.min(inbox.items.length, 8));
    await byId(page, 'home-aging-trend').waitFor();
    const trend = await getJson<{ points: Array<{ month: string; open: string; overdue: string }> }>(e2e!, page, '/aging/trend?months=12');
    const shown = await byId(page, 'home-trend-point').evaluateAll((els) => els.map((e) => [e.getAttribute('data-month'), e.getAttribute('data-open'), e.getAttribute('data-overdue')]));
    expect(shown).toEqual(trend.points.map((p) => [p.month, p.open, p.overdue]));
    expect(shown).toHaveLength(12);
  });

  it('the customer page shows the money summary the server computed and the customer\'s records', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    // the demo customer with the most overdue
    // a demo customer with money overdue that has also paid something
    const top = await getJson<{ items: Array<{ customer: { id: string; name: string } }> }>(e2e!, page, '/aging/top-customers');
    let summary: Summary | undefined;
    for (const item of top.items) {
      const s = await getJson<Summary>(e2e!, page, `/customers/${item.customer.id}/summary`);
      if (Number(s.money[0]!.collected) > 0) { customer = item.customer; summary = s; break; }
    }
    if (!summary) throw new Error('no demo customer with overdue money that has paid something');
    await page.goto(`${e2e!.baseUrl}/customers/${customer.id}`);
    await byId(page, 'c360-summary').waitFor();
    const cny = summary.money[0]!;
    expect(cny.currency).toBe('CNY');
    expect(Number(cny.overdue)).toBeGreaterThan(0);
    for (const key of ['contracted', 'collected', 'open', 'overdue', 'unapplied'] as const) {
      expect(await byId(page, `c360-${key}`).getAttribute('data-value')).toBe(cny[key]);
    }
    // formatted by locale, grouped, exact: ¥1,234,567.89
    expect(await byId(page, 'c360-open').innerText()).toMatch(/^¥\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(await byId(page, 'c360-available').getAttribute('data-value')).toBe(summary.credit.available);

    await byId(page, 'customer-tab-contracts').click();
    await until('contracts listed', async () => (await byId(page, 'c360-contract').count()) > 0);
    await byId(page, 'customer-tab-receivables').click();
    await until('receivables listed', async () => (await byId(page, 'c360-receivable').count()) > 0);
    await byId(page, 'customer-tab-payments').click();
    await until('payments listed', async () => (await byId(page, 'c360-payment').count()) > 0);
  });

  it('one timeline of everything that happened, with changes in the reader\'s words', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await byId(page, 'customer-tab-timeline').click();
    await until('events shown', async () => (await byId(page, 'c360-event').count()) >= 3);
    const kinds = await byId(page, 'c360-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toContain('receivable');
    const text = await byId(page, 'c360-timeline').innerText();
    // no raw field keys or enum values of the API in the Chinese UI
    for (const raw of ['riskLevel', 'overdueMarkedOn', 'partially_paid', 'bad_debt', 'contract_signed', 'credit_hold', 'days past due', 'holdReason']) expect(text).not.toContain(raw);
    // the money facts only
    await page.locator('[data-testid="timeline-kind"] .ant-segmented-item', { hasText: '回款' }).click();
    await until('only payments', async () => {
      const k = await byId(page, 'c360-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      return k.length > 0 && k.every((x) => x === 'payment');
    });
  });

  it('receivables open on what is still owed, with a totals row the server summed for the whole filter', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await byId(page, 'nav-receivables').click();
    await byId(page, 'receivable-totals').first().waitFor();
    const statuses = await byId(page, 'receivable-row-status').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 'open' || s === 'partially_paid')).toBe(true);
    const totals = await getJson<{ totals: Array<{ currency: string; count: number; open: string; overdue: string; amount: string }> }>(e2e!, page, '/receivables/totals?status=open,partially_paid');
    const cny = totals.totals.find((x) => x.currency === 'CNY')!;
    expect(await byId(page, 'receivable-total-open').first().getAttribute('data-value')).toBe(cny.open);
    expect(await byId(page, 'receivable-total-overdue').first().getAttribute('data-value')).toBe(cny.overdue);
    // due dates ascending: the oldest first
    expect(await page.locator('[data-testid="receivable-totals"]').first().innerText()).toContain(`共 ${cny.count} 笔`);
  });

  it('contracts show collected, to collect and progress; every title links', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await byId(page, 'nav-contracts').click();
    await until('contracts with collected figures', async () => (await byId(page, 'contract-collected').count()) > 0);
    await byId(page, 'contract-title-link').first().click();
    await page.waitForURL((u) => /^\/contracts\/[0-9a-f-]{36}$/.test(u.pathname));
  });

  it('tables scroll sideways at 1440 px instead of clipping: the page never grows wider than the screen', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.setViewportSize({ width: 1440, height: 900 });
    for (const path of ['/receivables', '/contracts', '/payments', '/aging']) {
      await page.goto(`${e2e!.baseUrl}${path}`);
      await page.locator('.ant-table-content').first().waitFor();
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
      expect(widths.page, path).toBeLessThanOrEqual(widths.screen);
      expect(await page.locator('.ant-table-content').first().evaluate((el) => getComputedStyle(el).overflowX), path).toBe('auto');
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('English dates are unambiguous (2026-12-06)', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await byId(page, 'nav-receivables').click();
    await byId(page, 'receivable-row').first().waitFor();
    await byId(page, 'lang-switch').click();
    await until('English totals', async () => (await byId(page, 'receivable-totals').first().innerText()).includes('Totals'));
    const row = await byId(page, 'receivable-row').first().innerText();
    expect(row).toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(row).not.toMatch(/\b\d{2}\/\d{2}\/\d{4}\b/);
    expect(await byId(page, 'receivable-total-open').first().innerText()).toMatch(/^CN¥\d{1,3}(,\d{3})*\.\d{2}$/);
    await byId(page, 'lang-switch').click(); // back to Chinese for whoever comes next
  });
});
