// Demo quotes 报价 (issue 11): the pricing manager's rules and the reps' quotes in every state. Finance (周静) keeps a
// standard price book, a grade-A book 5 % under it, slab tiers for the temperature sensor, a margin floor on the
// gateway and the rebate policy (当单比例 10 %, 2 % accrued); a fourth-quarter gateway promotion spends a 20,000.00
// budget, and a 满 50,000 减 2,000 stacks on top. Then: 李娜's draft; her 15 %-off quote waiting for 张伟; 刘洋's
// quote approved at once (nothing to approve); 李娜's configured-sized quote approved by 张伟 and accepted by the
// customer into an order contract (budget consumed, rebate booked); 赵敏's quote the customer declined (budget
// released); one past its date, expired. Through the domains' functions; the SKUs are the catalog's demo products
// when it has them, otherwise written here (the catalog demo may not have run).
import { sql } from 'kysely';
import { asSystem, inTenant, type Db } from '../platform/db.js';
import type { AuthContext } from '../platform/auth.js';
import { actOnApprovalTx, approvalHistory } from '../domains/approvals/index.js';
import { createQuote, getQuote, submitQuote, rejectQuote, expireQuotes } from '../domains/quotes/index.js';
import { acceptQuote } from '../flows/quote-acceptance/index.js';
import { createBook, addEntries, createBudget, createPromotion, putSettings } from '../domains/pricing/index.js';

const SKUS: Array<[code: string, name: string, price: string, cost: string, tax: string]> = [
  ['GW-200', '工业网关 GW-200', '1999.00', '1150', '0.13'], ['EC-1', '边缘计算盒 EC-1', '6800.00', '4100', '0.13'],
  ['VS-3', '振动传感器 VS-3', '860.00', '390', '0.13'], ['TS-1', '温度传感器 TS-1', '320.00', '140', '0.13'],
  ['MES-L', 'MES 软件许可（年）', '48000.00', '9000', '0.06'], ['SVC-D', '实施服务（人天）', '2400.00', '1300', '0.06'],
];

async function actor(db: Db, tenantId: string, email: string): Promise<AuthContext> {
  const u = await asSystem(db, async (tx) => (await sql<{ id: string; role: AuthContext['role']; team_id: string | null; name: string }>`
    select id, role, team_id, name from users where tenant_id = ${tenantId} and email = ${email}`.execute(tx)).rows[0]!);
  const scope = u.role === 'sales_manager' ? 'team' : u.role === 'sales_rep' ? 'own' : 'all';
  return { tenantId, userId: u.id, role: u.role, teamId: u.team_id, scope, name: u.name, tokenId: '00000000-0000-0000-0000-000000000000', via: 'bearer', timeZone: 'Asia/Shanghai', requestId: 'demo' };
}

/** The demo SKUs by code: the catalog's own when present, else written here as the owner role (the demo is exempt). */
async function skus(db: Db, tenantId: string): Promise<Record<string, string>> {
  return asSystem(db, async (tx) => {
    const out: Record<string, string> = {};
    let unit: string | null = null;
    let line: string | null = null;
    for (const [code, name, price, cost, tax] of SKUS) {
      const found = (await sql<{ id: string }>`select id from skus where tenant_id = ${tenantId} and code = ${code}`.execute(tx)).rows[0];
      if (found) { out[code] = found.id; continue; }
      unit ??= (await sql<{ id: string }>`insert into catalog_units (tenant_id, code, name) values (${tenantId}, 'demo-unit', '台')
        on conflict (tenant_id, code) do update set name = excluded.name returning id`.execute(tx)).rows[0]!.id;
      line ??= (await sql<{ id: string }>`insert into product_lines (tenant_id, code, name) values (${tenantId}, 'IIOT', '工业物联网')
        on conflict (tenant_id, code) do update set name = excluded.name returning id`.execute(tx)).rows[0]!.id;
      const spu = (await sql<{ id: string }>`insert into spus (tenant_id, code, name, kind, product_line_id, base_unit_id, tax_rate)
        values (${tenantId}, ${code}, ${name}, ${tax === '0.06' ? 'service' : 'goods'}, ${line}, ${unit}, ${tax}::numeric) returning id`.execute(tx)).rows[0]!.id;
      out[code] = (await sql<{ id: string }>`insert into skus (tenant_id, spu_id, code, name, list_price, cost)
        values (${tenantId}, ${spu}, ${code}, ${name}, ${price}::numeric, ${cost}::numeric) returning id`.execute(tx)).rows[0]!.id;
    }
    return out;
  });
}

async function customersOf(db: Db, tenantId: string, ownerId: string, n: number) {
  return asSystem(db, async (tx) => (await sql<{ id: string; name: string }>`select id, name from customers
    where tenant_id = ${tenantId} and owner_id = ${ownerId} order by grade nulls last, number limit ${n}`.execute(tx)).rows);
}

const until = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function demoQuotes(db: Db, tenantId: string): Promise<void> {
  const [finance, lina, liuyang, zhaomin, zhangwei] = await Promise.all(['zhou.jing', 'li.na', 'liu.yang', 'zhao.min', 'zhang.wei'].map((u) => actor(db, tenantId, `${u}@demo.l2c.cn`)));
  const sku = await skus(db, tenantId);

  // The pricing manager's rules.
  const list = await createBook(db, finance!, { code: 'LIST', name: '标准价目表', customerId: null, dealerId: null, channel: null, grade: null, region: null, priority: 0, validFrom: null, validTo: null, active: true });
  await addEntries(db, finance!, list.id, [
    ...SKUS.filter(([code]) => code !== 'TS-1').map(([code, , price]) => ({ skuId: sku[code]!, rule: { kind: 'fixed', unitPrice: price }, validFrom: null, validTo: null })),
    { skuId: sku['TS-1']!, rule: { kind: 'tiers', mode: 'slab', tiers: [{ upTo: '50', unitPrice: '320.00' }, { upTo: '200', unitPrice: '295.00' }, { upTo: null, unitPrice: '270.00' }] } as never, validFrom: null, validTo: null },
  ]);
  const gradeA = await createBook(db, finance!, { code: 'GRADE-A', name: 'A 级客户价（标准价九五折）', customerId: null, dealerId: null, channel: null, grade: 'A', region: null, priority: 0, validFrom: null, validTo: null, active: true });
  await addEntries(db, finance!, gradeA.id, ['VS-3', 'EC-1'].map((code) => ({ skuId: sku[code]!, rule: { kind: 'book_relative', bookId: list.id, factor: '0.95' }, validFrom: null, validTo: null })));
  const budget = await createBudget(db, finance!, { code: 'Q4-GW', name: '四季度网关促销预算', amount: '20000.00' });
  await createPromotion(db, finance!, { code: 'GW-Q4', name: '四季度网关九折', group: 'hardware', stacking: 'best_of', priority: 0, scope: {}, validFrom: null, validTo: null, budgetId: budget.id, rule: { kind: 'item', target: { productId: sku['GW-200']! }, percentOff: '0.1' }, active: true });
  await createPromotion(db, finance!, { code: 'M50K-2K', name: '满 50,000 减 2,000', group: 'order', stacking: 'stackable', priority: 0, scope: {}, validFrom: null, validTo: null, budgetId: null, rule: { kind: 'threshold', minAmount: '50000.00', amountOff: '2000.00' }, active: true });
  await putSettings(db, finance!, {
    surcharges: [], marginFloors: [{ skuId: sku['GW-200']!, categoryId: null, minMargin: '0.25' }],
    rebatePolicies: [{ grade: null, maxOrderRatio: '0.1', accrualRate: '0.02' }],
  });

  const line = (code: string, quantity: string, extra: Record<string, unknown> = {}) => ({
    skuId: sku[code]!, description: null, quantity, group: null, configuration: null, discountRate: '0', unitPrice: null, unitCost: null, taxRate: null, unit: null, ...extra,
  });
  const header = (title: string, days = 30) => ({ title, validUntil: until(days), pricesIncludeTax: true, orderDiscountRate: '0', rebateRequested: '0', notes: null });
  const [la, lb, lc, ld] = await customersOf(db, tenantId, lina!.userId, 4);
  const [ya] = await customersOf(db, tenantId, liuyang!.userId, 1);
  const [za, zb] = await customersOf(db, tenantId, zhaomin!.userId, 2);
  const approveAll = async (quoteId: string) => {
    const steps = await inTenant(db, zhangwei!, (tx) => approvalHistory(tx, 'quote', quoteId));
    await inTenant(db, zhangwei!, (tx) => actOnApprovalTx(tx, zhangwei!, steps[steps.length - 1]!.id, 'approve', '价格可以，按此报'));
  };

  // 李娜: a draft she is still working on.
  if (la) await createQuote(db, lina!, { customerId: la.id, ...header('车间振动监测一期'), lines: [line('VS-3', '24', { group: '传感器' }), line('GW-200', '4', { group: '网关' }), line('SVC-D', '6', { group: '实施' })] });
  // 李娜: 15 % off the edge boxes — waiting for 张伟.
  if (lb) {
    const q = await createQuote(db, lina!, { customerId: lb.id, ...header('边缘计算改造'), lines: [line('EC-1', '10', { discountRate: '0.15' }), line('SVC-D', '10')] });
    await submitQuote(db, lina!, q.id, q.version);
  }
  // 刘洋: list prices, nothing to approve — approved at once, ready to send.
  if (ya) {
    const q = await createQuote(db, liuyang!, { customerId: ya.id, ...header('温度巡检点位扩容'), lines: [line('TS-1', '120'), line('GW-200', '6')] });
    await submitQuote(db, liuyang!, q.id, q.version);
  }
  // 李娜: the plant-wide project, 12 % off the licence — approved by 张伟, then accepted: an order contract.
  if (lc) {
    let q = await createQuote(db, lina!, { customerId: lc.id, ...header('全厂设备联网与 MES'), lines: [line('GW-200', '20', { group: '硬件' }), line('VS-3', '60', { group: '硬件' }), line('MES-L', '1', { group: '软件', discountRate: '0.12' }), line('SVC-D', '15', { group: '实施' })] });
    q = await submitQuote(db, lina!, q.id, q.version);
    await approveAll(q.id);
    q = await getQuote(db, lina!, q.id);
    await acceptQuote(db, lina!, q.id, { version: q.version, planTemplate: null, paymentTermDays: 30 }, `demo-accept-${q.id}`);
  }
  // 赵敏: declined by the customer — the gateway promotion's reservation goes back to the budget.
  if (za) {
    const q = await createQuote(db, zhaomin!, { customerId: za.id, ...header('仓储温湿度监测'), lines: [line('GW-200', '8'), line('TS-1', '40')] });
    await rejectQuote(db, zhaomin!, q.id, { version: q.version, reason: '客户预算推迟到明年' });
  }
  // 赵敏: last month's quote nobody answered — expired by the daily job.
  if (zb) {
    const q = await createQuote(db, zhaomin!, { customerId: zb.id, ...header('设备运维年度服务'), lines: [line('SVC-D', '20')] });
    await asSystem(db, (tx) => sql`update quotes set valid_until = current_date - 3 where tenant_id = ${tenantId} and id = ${q.id}`.execute(tx));
    await expireQuotes(db);
  }
  void ld;
}
