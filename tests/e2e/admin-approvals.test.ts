// Approvals and webhooks administration in a real browser on the demo tenant. The admin edits a contract approval rule
// in 系统管理 → 审批规则 and the "which steps would this contract need?" preview changes with it; a rep withdraws her
// contract's pending approval on the contract page (it returns to draft); the admin subscribes a webhook and its test
// event shows in the delivery log — received by a real HTTP server here, signed with the secret shown once.
import crypto from 'node:crypto';
import http from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, DEMO_ADMIN, type E2E, reportFailures, startE2E, until, logInAs } from './harness';

const REP = { email: 'li.na@demo.l2c.cn', password: 'demo1234' };

let e2e: E2E | undefined;
let page: Page;
let repToken: string;
let receiver: http.Server;
let hookUrl: string;
const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];

async function asRep<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${e2e!.baseUrl}/api/v1${path}`, {
    method, headers: { authorization: `Bearer ${repToken}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

const previewSteps = async () => (await byId(page, 'preview-step').allInnerTexts()).map((s) => s.trim());

describe('approvals and webhooks administration', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => { received.push({ headers: req.headers, body }); res.writeHead(200).end('ok'); });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const addr = receiver.address();
    hookUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/l2c-hooks`;
    // the server may send to this loopback receiver, and its sender runs although the jobs are off in browser tests
    process.env.L2C_WEBHOOK_ALLOW_PRIVATE = '1';
    process.env.L2C_WEBHOOKS = '1';
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
    const login = await fetch(`${e2e.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(REP) });
    repToken = ((await login.json()) as { token: string }).token;
  }, 300_000);

  afterAll(async () => {
    await e2e?.close();
    await new Promise((r) => receiver?.close(r));
    delete process.env.L2C_WEBHOOK_ALLOW_PRIVATE;
    delete process.env.L2C_WEBHOOKS;
  }, 60_000);

  it('the admin raises the contract rule\'s amount and the preview drops the finance step', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await logInAs(e2e!, page, DEMO_ADMIN);
    await page.goto(`${e2e!.baseUrl}/admin?tab=approvals`);
    await byId(page, 'approval-preview').waitFor();
    await byId(page, 'preview-amount').fill('600000');
    await until('the preview asks the manager, then finance', async () => JSON.stringify(await previewSteps()) === JSON.stringify(['直属经理', '财务']), 30_000);
    expect(await byId(page, 'preview-matched').innerText()).toContain('Amount over 500,000');
    // the first rule's first condition: amount > 500000 → 1000000
    await byId(page, 'rule-0-value-0').fill('1000000');
    await until('the preview asks the manager alone', async () => JSON.stringify(await previewSteps()) === JSON.stringify(['直属经理']), 30_000);
    await byId(page, 'approval-rules-save').click();
    await page.locator('.ant-message', { hasText: '审批规则已保存' }).waitFor();
    const defs = await (await page.request.get(`${e2e!.baseUrl}/api/v1/approvals/definitions`)).json() as { items: Array<{ docType: string; builtIn: boolean; rules: { rules: Array<{ when: { any: Array<{ value: string }> } }> } }> };
    const contract = defs.items.find((d) => d.docType === 'contract')!;
    expect(contract.builtIn).toBe(false);
    expect(contract.rules.rules[0]!.when.any[0]!.value).toBe('1000000');
  });

  it('a rep withdraws her contract\'s pending approval on the contract page; it is a draft again', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    const customer = await asRep<{ id: string }>('POST', '/customers', { name: `撤回演示客户${Date.now().toString(36)}有限公司`, grade: 'B', allowDuplicate: true });
    const created = await asRep<{ id: string; version: number }>('POST', '/contracts', {
      kind: 'order', customerId: customer.body.id, title: '撤回演示合同', pricesIncludeTax: true, paymentTermDays: 30, planTemplate: 'full_on_signing',
      lines: [{ description: '伺服电机', quantity: '1', unitPrice: '11300.00', taxRate: '0.13' }],
    });
    expect(created.status).toBe(201);
    const sub = await asRep<{ contract: { status: string }; approval: { id: string } }>('POST', `/contracts/${created.body.id}/submit`, { version: created.body.version });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect(sub.body.contract.status).toBe('in_approval');

    await logInAs(e2e!, page, REP);
    await page.goto(`${e2e!.baseUrl}/contracts/${created.body.id}`);
    await byId(page, 'withdraw-approval').click();
    await byId(page, 'withdraw-approval-confirm').click();
    await until('the approval shows as withdrawn', async () => (await byId(page, 'approval-status').first().getAttribute('data-status')) === 'withdrawn', 30_000);
    expect(await byId(page, 'withdraw-approval').count()).toBe(0);
    const after = await asRep<{ status: string }>('GET', `/contracts/${created.body.id}`);
    expect(after.body.status).toBe('draft');
    const approval = await asRep<{ status: string }>('GET', `/approvals/${sub.body.approval.id}`);
    expect(approval.body.status).toBe('withdrawn');
  });

  it('the admin subscribes a webhook; its test event reaches our server signed and shows in the delivery log', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await logInAs(e2e!, page, DEMO_ADMIN);
    await page.goto(`${e2e!.baseUrl}/admin?tab=webhooks`);
    await byId(page, 'webhook-add').click();
    await byId(page, 'webhook-url').fill(hookUrl);
    await byId(page, 'webhook-create').click();
    const secret = (await byId(page, 'webhook-secret').innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    await byId(page, 'webhook-secret-close').click();
    // the demo's ERP subscription (switched off) is listed too: ours is the row with our receiver's address
    const ours = page.locator('[data-testid="webhook-row"]', { hasText: hookUrl });
    await ours.waitFor();
    await ours.getByTestId('webhook-test').click();
    const row = page.locator('[data-testid="delivery-row"][data-event="webhook.test"]');
    await until('the test delivery is delivered in the log', async () => (await row.first().getAttribute('data-status')) === 'succeeded', 30_000);
    expect(await row.first().getByTestId('delivery-code').innerText()).toBe('200');
    const got = received.find((r) => r.headers['l2c-event-type'] === 'webhook.test')!;
    expect(got).toBeTruthy();
    const [t, v1] = String(got.headers['l2c-signature']).split(',').map((p) => p.split('=')[1]);
    expect(v1).toBe(crypto.createHmac('sha256', secret).update(`${t}.${got.body}`).digest('hex'));
  });
});
