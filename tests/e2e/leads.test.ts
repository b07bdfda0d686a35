// Leads in a real browser on the demo tenant, as 吴芳 (marketer): a web form is created and shows its embed code with
// the key; an import of a small CSV runs with its progress bar to the end and offers the rows it refused; a lead typed
// in opens its page, moves to MQL and is marked invalid with a reason.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, logInAs, reportFailures, startE2E, until, type E2E } from './harness';

const MARKETER = { email: 'wu.fang@demo.l2c.cn', password: 'demo1234' };
const TAG = Math.random().toString(36).slice(2, 7);
let e2e: E2E | undefined;
let page: Page;

describe('leads', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
    await logInAs(e2e, page, MARKETER);
  }, 300_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('creates a web form and shows its embed code with the key', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/lead-forms`);
    await byId(page, 'lead-form-new').click();
    await byId(page, 'lead-form-name').fill(`展会扫码 ${TAG}`);
    await byId(page, 'lead-form-consent').fill('我同意被联系');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await byId(page, 'lead-form-code').waitFor();
    const code = await byId(page, 'lead-form-code').innerText();
    expect(code).toMatch(/\/api\/v1\/public\/lead-forms\/lf_[\w-]+\/submissions/);
    expect(code).toContain('name="website"');
    expect(code).toContain('我同意被联系');
  });

  it('imports a CSV with a progress bar to the end and offers the refused rows', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/leads`);
    await byId(page, 'lead-import').click();
    const csv = ['公司名称,联系人,电话', `浏览器导入甲${TAG},张一,13800${TAG.length}00001`, `浏览器导入乙${TAG},张二,123`, `浏览器导入丙${TAG},张三,13800${TAG.length}00003`].join('\n');
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await byId(page, 'lead-import-job').waitFor();
    await until('the import ends', async () => (await byId(page, 'lead-import-failures').count()) > 0, 30_000);
    // at the end the bar is full and turns to success (a check mark replaces the percentage)
    expect(await byId(page, 'lead-import-progress').getAttribute('class')).toContain('ant-progress-status-success');
  });

  it('types a lead in, moves it to MQL and marks it invalid with a reason', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await page.goto(`${e2e!.baseUrl}/leads`);
    await byId(page, 'lead-new').click();
    await byId(page, 'lead-company').fill(`浏览器线索${TAG}科技有限公司`);
    await byId(page, 'lead-contact').fill('测试人');
    await byId(page, 'lead-create-ok').click();
    await page.waitForURL((u) => /^\/leads\/[0-9a-f-]{36}$/.test(u.pathname));
    await byId(page, 'lead-to-mql').click();
    await until('MQL', async () => (await byId(page, 'lead-detail-status').innerText()).includes('MQL'));
    await byId(page, 'lead-invalid').click();
    await byId(page, 'lead-reason').fill('同行询价');
    await byId(page, 'lead-reason-ok').click();
    await until('invalid', async () => /无效|Invalid/.test(await byId(page, 'lead-detail-status').innerText()));
  });
});
