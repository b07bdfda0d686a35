// Opportunity → quote → accepted → the opportunity won (issue 10 §8 "and → quote once CPQ exists"), against the database
// over HTTP: the quote carries the opportunity's customer, name and lines (catalog products priced from the price book
// with the rep's discount, a free line at its price), keeps the opportunity, and accepting it wins the opportunity
// with the order contract linked — in the acceptance's one transaction. Scope: another rep cannot quote it.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { asSystem } from '../src/platform/db.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';
import { makeCatalog, type CpqCatalog } from './cpq-fixture.js';

const h = await testApp();
let t: TestTenant;
let cat: CpqCatalog;
let rep: Client;
let otherRep: Client;
let finance: Client;
let customer: { id: string };

async function ok<T = any>(res: { status: number; body: any }, status = 201): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as T;
}

beforeAll(async () => {
  t = await makeTenant(h.db);
  cat = await makeCatalog(h.db, t.tenantId);
  [rep, otherRep, finance] = await Promise.all([login(h.baseUrl, t.users.repEast), login(h.baseUrl, t.users.repNorth), login(h.baseUrl, t.users.finance)]);
  customer = await ok(await rep.post('/api/v1/customers', { name: `嘉兴商机转报价${Date.now()}有限公司`, allowDuplicate: true, grade: 'B' }));
  const list = await ok(await finance.post('/api/v1/price-books', { code: 'LIST', name: '标准价目表', priority: 0 }));
  await ok(await finance.post(`/api/v1/price-books/${list.id}/entries`, { entries: [
    { skuId: cat.sensor, rule: { kind: 'fixed', unitPrice: '200.00' } },
    { skuId: cat.licence, rule: { kind: 'fixed', unitPrice: '500.00' } },
  ] }));
});

describe('an opportunity becomes a quote, and the accepted quote wins it', () => {
  let opp: { id: string; number: string; version: number };
  let quote: any; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('makes a draft quote with the opportunity\'s customer, name and lines, priced from the price book', async () => {
    opp = await ok(await rep.post('/api/v1/opportunities', {
      name: '嘉兴工厂传感器改造', customerId: customer.id, closeDate: '2099-06-30', lines: [
        { productId: cat.sensor, productName: '温振传感器', quantity: '10', unitPrice: '210.00', discountRate: '0.05' },
        { productId: cat.licence, productName: '平台年费', quantity: '2', unitPrice: '500.00' },
        { productName: '现场安装调试', quantity: '1', unitPrice: '1200.00' },
      ],
    }));
    quote = await ok(await rep.post(`/api/v1/opportunities/${opp.id}/quotes`, { validUntil: '2099-12-31' }));
    expect(quote).toMatchObject({ status: 'draft', title: '嘉兴工厂传感器改造', customer: { id: customer.id }, validUntil: '2099-12-31', opportunity: { id: opp.id, number: opp.number } });
    expect(quote.lines.map((l: { skuId: string | null; quantity: string; discountRate: string; freeLine: boolean }) => [l.skuId, l.quantity, l.discountRate, l.freeLine])).toEqual([
      [cat.sensor, '10', '0.05', false], [cat.licence, '2', '0', false], [null, '1', '0', true],
    ]);
    // the price book's 200.00, not the opportunity's estimate of 210.00: 10 × 200 × 0.95 = 1,900 + 2 × 500 + 1,200
    expect(quote.pricing.totals.amountInclTax).toBe('4100.00');
  });

  it('refuses another rep (not in scope: 404) and a closed opportunity (409)', async () => {
    const stranger = await otherRep.post(`/api/v1/opportunities/${opp.id}/quotes`, {});
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('opportunities.not_found');
    const lost = await ok(await rep.post('/api/v1/opportunities', { name: '已丢单项目', customerId: customer.id, amount: '8000.00' }));
    await ok(await rep.post(`/api/v1/opportunities/${lost.id}/lose`, { version: lost.version, reason: 'price', competitor: null, note: null }), 200);
    const closed = await rep.post(`/api/v1/opportunities/${lost.id}/quotes`, {});
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('opportunities.closed');
  });

  it('accepting the quote wins the opportunity and links the order contract, in one transaction', async () => {
    const submitted = await ok(await rep.post(`/api/v1/quotes/${quote.id}/submit`, { version: quote.version }), 200);
    expect(submitted.status).toBe('approved'); // no approval rule matched
    const accepted = await ok(await rep.post(`/api/v1/quotes/${quote.id}/accept`, { version: submitted.version }, { 'idempotency-key': `accept-${quote.id}` }));
    expect(accepted.contract.amountInclTax).toBe('4100.00');
    const won = await ok(await rep.get(`/api/v1/opportunities/${opp.id}`), 200);
    expect(won).toMatchObject({ status: 'won', contractId: accepted.contract.id });
    const audit = await asSystem(h.db, async (tx) => (await sql<{ action: string }>`select action from audit_log
      where tenant_id = ${t.tenantId} and entity_type = 'opportunity' and entity_id = ${opp.id} order by at, id`.execute(tx)).rows.map((r) => r.action));
    expect(audit).toEqual(['create', 'win', 'update']);
    // accepting again answers with the same contract and changes nothing on the opportunity
    const again = await ok(await rep.post(`/api/v1/quotes/${quote.id}/accept`, { version: submitted.version }), 200);
    expect(again.contract.id).toBe(accepted.contract.id);
    expect((await rep.get(`/api/v1/opportunities/${opp.id}`)).body.version).toBe(won.version);
  });

  it('a line naming only a product code the catalog sells becomes that catalog line, priced from the price book', async () => {
    const coded = await ok(await rep.post('/api/v1/opportunities', { name: '平台续费', customerId: customer.id, lines: [{ productCode: 'LIC-Y', productName: '平台年费', quantity: '3', unitPrice: '999.00' }] }));
    const q = await ok(await rep.post(`/api/v1/opportunities/${coded.id}/quotes`, {}));
    expect(q.lines).toMatchObject([{ skuId: cat.licence, productCode: 'LIC-Y', quantity: '3', freeLine: false }]);
    expect(q.pricing.totals.amountInclTax).toBe('1500.00');
  });

  it('an opportunity without lines is quoted as one line for its amount', async () => {
    const bare = await ok(await rep.post('/api/v1/opportunities', { name: '年度运维服务', customerId: customer.id, amount: '36000.00' }));
    const q = await ok(await rep.post(`/api/v1/opportunities/${bare.id}/quotes`, {}));
    expect(q.lines).toMatchObject([{ skuId: null, description: '年度运维服务', quantity: '1', unitPrice: '36000' }]);
    expect(q.pricing.totals.amountInclTax).toBe('36000.00');
  });
});
