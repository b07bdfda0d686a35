// Bad debt 坏账 with a second person's approval, in a real browser: finance requests a write-off of what is open on a
// demo receivable from its drawer (which then shows the request pending); the executive finds it among all approvals
// (it is an approval document like a contract), opens the approval inbox's bad-debt tab, finds the request waiting,
// approves it; the list shows it approved by them and the receivable shows bad debt with nothing open.
import { dec } from '@l2c/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import baddebtZh from '../../packages/web/src/i18n/baddebt.zh-CN';
import zhCN from '../../packages/web/src/i18n/zh-CN';
import { byId, type E2E, getJson, reportFailures, startE2E, until, logInAs } from './harness';

const FINANCE = { email: 'zhou.jing@demo.l2c.cn', password: 'demo1234' };
const CEO = { email: 'ceo@demo.l2c.cn', password: 'demo1234', name: '陈建国' };
const REASON = '客户已注销，经催收确认无法收回';

let e2e: E2E | undefined;
let page: Page;
/** GET an API path with the browser's session (same cookies as the page). */
const apiGet = <T>(path: string) => getJson<T>(e2e!, page, path);

interface OpenReceivable { id: string; number: string; customer: { id: string; name: string }; amountOpen: string }
let target: OpenReceivable;

const loginAs = (user: { email: string; password: string }) => logInAs(e2e!, page, user);

describe('bad debt: requested by finance, approved by the executive in the inbox', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('finance requests a bad-debt write-off from the receivable drawer, which then shows it pending', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await loginAs(FINANCE);
    const open = await apiGet<{ items: OpenReceivable[] }>('/aging/receivables?limit=200');
    target = open.items.find((r) => dec(r.amountOpen).gt(0))!;
    expect(target, 'an open demo receivable').toBeDefined();
    expect((await apiGet<{ items: unknown[] }>('/bad-debt-requests?status=pending')).items).toEqual([]);

    await page.goto(`${e2e!.baseUrl}/receivables?id=${target.id}`);
    await byId(page, 'receivable-bad-debt').click();
    await byId(page, 'bad-debt-reason').fill(REASON);
    expect(await byId(page, 'bad-debt-amount').inputValue()).toBe(target.amountOpen);
    await byId(page, 'bad-debt-ok').click();

    const notice = byId(page, 'receivable-bad-debt-pending');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(REASON);
    expect(await byId(page, 'receivable-bad-debt').isDisabled(), 'no second request while one is pending').toBe(true);
    // Finance may not decide (no approve right, and it is their own request).
    expect(await notice.getByTestId('bad-debt-approve').count()).toBe(0);
    const pending = await apiGet<{ items: Array<{ amount: string; receivable: { id: string } }> }>('/bad-debt-requests?status=pending');
    expect(pending.items.map((i) => [i.receivable.id, i.amount])).toEqual([[target.id, target.amountOpen]]);
  });

  it('the executive sees it waiting in the inbox and approves it', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await loginAs(CEO);
    await page.goto(`${e2e!.baseUrl}/approvals`);
    // Among all approvals, with its document type, its step and a link to the receivable.
    const approval = byId(page, 'approval-item').filter({ hasText: target.number });
    await approval.waitFor();
    expect(await approval.innerText()).toContain(zhCN.approval.inbox.docTypes.bad_debt);
    const step = dec(target.amountOpen).gte(50000) ? 'Executive' : 'Second approver'; // the built-in bad_debt definition
    expect(await approval.innerText()).toContain(zhCN.approval.stepNames[step]);
    expect(await approval.getByTestId('approval-doc-link').getAttribute('href')).toBe(`/receivables?id=${target.id}`);
    const tab = byId(page, 'approval-tab-bad-debt');
    await tab.waitFor();
    expect(await tab.innerText()).toContain(baddebtZh.badDebtRequest.tabs.badDebt);
    await until('the tab counts one request waiting', async () => (await byId(page, 'approval-tab-bad-debt-badge').innerText()).trim() === '1');
    await tab.click();
    await page.waitForURL((u) => u.searchParams.get('tab') === 'bad-debt');

    const item = byId(page, 'bad-debt-inbox-item').filter({ hasText: target.number });
    await item.waitFor();
    expect(await byId(page, 'bad-debt-inbox-item').count()).toBe(1);
    expect(await item.innerText()).toContain(REASON);
    expect(await item.getByTestId('bad-debt-inbox-amount').getAttribute('data-value')).toBe(target.amountOpen);

    await item.getByTestId('bad-debt-approve').click();
    await byId(page, 'bad-debt-decide-reason').fill('同意核销');
    await byId(page, 'bad-debt-decide-ok').click();

    await until('the request leaves the inbox', async () => (await byId(page, 'bad-debt-inbox-item').count()) === 0);
    const row = byId(page, 'bad-debt-row').filter({ hasText: target.number });
    await until('the list shows it approved', async () => (await row.getByTestId('bad-debt-row-status').getAttribute('data-status')) === 'approved');
    expect(await row.getByTestId('bad-debt-row-status').innerText()).toBe(baddebtZh.badDebtRequest.statuses.approved);
    expect(await row.getByTestId('bad-debt-row-decider').innerText()).toBe(CEO.name);
  });

  it('the receivable shows bad debt, nothing open', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/receivables?id=${target.id}`);
    await byId(page, 'receivable-status').waitFor();
    await until('the drawer shows bad debt', async () => (await byId(page, 'receivable-status').getAttribute('data-status')) === 'bad_debt');
    expect(await byId(page, 'receivable-status').innerText()).toBe(zhCN.enums.receivableStatus.bad_debt);
    expect(await byId(page, 'receivable-open').getAttribute('data-value')).toBe('0.00');
    expect(await byId(page, 'receivable-bad-debt-pending').count()).toBe(0);
    const r = await apiGet<{ badDebtAmount: string; amountOpen: string }>(`/receivables/${target.id}`);
    expect(r).toMatchObject({ badDebtAmount: target.amountOpen, amountOpen: '0.00' });
    const problems = e2e!.browserProblems().filter((p) => !p.includes('favicon'));
    expect(problems, 'no browser errors or failed API calls').toEqual([]);
  });
});
