// Dedup and scoring in a real browser on the demo tenant: two records of one company (its city prefix and legal form
// differ) — the customer page lists the other as a possible duplicate, the merge screen takes one field from the
// duplicate, shows what moves, merges, and undoes; the scoring rules page shows the demo's rules; a paying customer's
// page shows its RFM grade.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, DEMO_ADMIN, getJson, logInAs, reportFailures, startE2E, until, type E2E } from './harness';

let e2e: E2E | undefined;
let page: Page;

async function post<T>(path: string, body: unknown): Promise<T> {
  const csrf = (await e2e!.context.cookies()).find((c) => c.name === 'l2c_csrf')?.value ?? '';
  const res = await page.request.post(`${e2e!.baseUrl}/api/v1${path}`, { data: body, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), `POST ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

describe('dedup and scoring', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
    await logInAs(e2e, page, DEMO_ADMIN);
  }, 300_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('finds a duplicate customer on its page, merges it field by field, and undoes the merge', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    const master = await post<{ id: string }>('/customers', { name: '杭州星辰测控技术有限公司', allowDuplicate: true });
    const dup = await post<{ id: string }>('/customers', { name: '星辰测控技术（杭州）有限公司', phone: '0571-8765 4321', allowDuplicate: true });
    await post(`/customers/${dup.id}/contacts`, { name: '钱进', mobile: '13912345678' });
    await page.goto(`${e2e!.baseUrl}/customers/${master.id}`);
    await byId(page, 'duplicates-card').waitFor();
    await byId(page, `duplicate-merge-${dup.id}`).click();
    await page.waitForURL((u) => u.pathname === `/merge/customer/${master.id}/${dup.id}`);
    await byId(page, 'merge-fields').waitFor();
    await byId(page, 'merge-moves').waitFor();
    expect(await byId(page, 'merge-moves').innerText()).toContain('contacts.customer_id');
    await byId(page, 'merge-choice-phone').getByText(/Duplicate's|用重复记录/).click();
    await byId(page, 'merge-execute').click();
    await byId(page, 'merge-done').waitFor();
    const merged = await getJson<{ phone: string | null }>(e2e!, page, `/customers/${master.id}`);
    expect(merged.phone).toBe('0571-8765 4321');
    await byId(page, 'merge-undo').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await until('the merge is undone', async () => (await getJson<{ phone: string | null }>(e2e!, page, `/customers/${master.id}`)).phone === null);
    const contacts = await getJson<Array<{ name: string }> | { items: Array<{ name: string }> }>(e2e!, page, `/customers/${dup.id}/contacts`);
    expect(JSON.stringify(contacts)).toContain('钱进');
  });

  it('shows the scoring rules and a paying customer\'s RFM grade', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/scoring`);
    await byId(page, 'scoring-form').waitFor();
    await until('the half-life reads 21', async () => (await page.locator('#halfLifeDays').inputValue()) === '21');
    await byId(page, 'score-model').waitFor();
    const customers = await getJson<{ items: Array<{ id: string }> }>(e2e!, page, '/customers?limit=100');
    let paying: string | null = null;
    for (const c of customers.items) {
      const rfm = await getJson<{ frequency: number; grade: string } | null>(e2e!, page, `/customers/${c.id}/rfm`);
      if (rfm && rfm.frequency > 0) { paying = c.id; break; }
    }
    expect(paying).not.toBeNull();
    await page.goto(`${e2e!.baseUrl}/customers/${paying}`);
    await byId(page, 'rfm-grade').waitFor();
    expect(await byId(page, 'rfm-grade').innerText()).toMatch(/[ABCD]$/);
  });
});
