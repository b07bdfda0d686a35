// The catalog over HTTP (issue 11 §1, §4): variants generated with exclusions, units, sellable scope and who sees cost,
// the product manager capability and the audit of price changes, bundles with option groups and rules (multi-level),
// the Excel round trip, and contract lines that name a SKU beside one-off free lines — with the aging report grouping
// them by the catalog's product line.
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Db } from '../src/platform/db.js';
import { call, login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let baseUrl: string;
let db: Db;
let t: TestTenant;
let admin: Client;
let rep: Client;
let repNorth: Client;
let finance: Client;
const ids: Record<string, string> = {};

const put = (c: Client, path: string, body: unknown) => call(baseUrl, 'PUT', path, { token: c.token, body });
async function ok<T = any>(res: { status: number; body: any }, status = 200): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as T;
}

beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
  db = h.db;
  t = await makeTenant(db);
  [admin, rep, repNorth, finance] = await Promise.all([login(baseUrl, t.users.admin), login(baseUrl, t.users.repEast), login(baseUrl, t.users.repNorth), login(baseUrl, t.users.finance)]);
  for (const [code, name] of [['pcs', '件'], ['box', '箱'], ['set', '套'], ['seat', '用户']] as const) ids[code] = (await ok(await admin.post('/api/v1/catalog/units', { code, name }), 201)).id;
  ids.SW = (await ok(await admin.post('/api/v1/catalog/product-lines', { code: 'sw', name: '软件' }), 201)).id;
  ids.HW = (await ok(await admin.post('/api/v1/catalog/product-lines', { code: 'HW', name: '硬件' }), 201)).id;
});

describe('products and variants', () => {
  it('generates one SKU per combination minus the excluded ones, and only the missing ones the second time', async () => {
    const spu = await ok(await admin.post('/api/v1/catalog/spus', {
      code: 'L2C-CLOUD', name: 'L2C 云', kind: 'virtual', productLineId: ids.SW, baseUnitId: ids.seat, taxRate: '0.06', taxCode: '3040201000000000000',
      attributes: [
        { code: 'ed', name: '版本', values: [{ code: 'std', name: '标准版' }, { code: 'pro', name: '专业版' }, { code: 'ent', name: '企业版' }] },
        { code: 'term', name: '期限', values: [{ code: '1y', name: '1年' }, { code: '3y', name: '3年' }] },
      ],
      exclusions: [{ ed: 'std', term: '3y' }],
    }), 201);
    expect(spu).toMatchObject({ productLine: { code: 'SW' }, baseUnit: { code: 'seat' }, taxRate: '0.06', taxCode: '3040201000000000000', skuCount: 0 });
    const gen = await ok(await admin.post(`/api/v1/catalog/spus/${spu.id}/generate-skus`, { version: spu.version, listPrice: '1200.00', cost: '300' }));
    expect(gen.created.map((s: { code: string }) => s.code)).toEqual(['L2C-CLOUD-STD-1Y', 'L2C-CLOUD-PRO-1Y', 'L2C-CLOUD-PRO-3Y', 'L2C-CLOUD-ENT-1Y', 'L2C-CLOUD-ENT-3Y']);
    expect(gen).toMatchObject({ existing: 0, excluded: 1 });
    expect(gen.created[1]).toMatchObject({ name: 'L2C 云 专业版 / 1年', attributeValues: { ed: 'pro', term: '1y' }, kind: 'virtual', listPrice: '1200.00', cost: '300', taxRate: '0.06', unit: { code: 'seat' } });
    const again = await ok(await admin.post(`/api/v1/catalog/spus/${spu.id}/generate-skus`, { version: spu.version, listPrice: '1.00' }));
    expect(again).toMatchObject({ created: [], existing: 5, excluded: 1 });
    ids.cloudPro = gen.created[1].id;
    ids.cloudStd = gen.created[0].id;
    ids.cloudSpu = spu.id;
  });

  it('refuses an exclusion naming no value of the product, naming the field', async () => {
    const res = await admin.post('/api/v1/catalog/spus', {
      code: 'BAD-EXCL', name: '错误排除', kind: 'goods', baseUnitId: ids.pcs, taxRate: '0.13',
      attributes: [{ code: 'color', name: '颜色', values: [{ code: 'red', name: '红' }] }], exclusions: [{ color: 'blue' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'exclusions.0.color', message: 'color=blue is not an attribute value of this product' }]);
  });

  it('keeps unit factors exact and refuses the base unit as a conversion', async () => {
    const spu = await ok(await admin.post('/api/v1/catalog/spus', {
      code: 'CABLE-CAT6', name: '六类网线', kind: 'goods', productLineId: ids.HW, baseUnitId: ids.pcs, taxRate: '0.13',
      units: [{ unitId: ids.box, factor: '12' }, { unitId: ids.set, factor: '0.125' }],
    }), 201);
    expect(spu.units.map((u: { unit: { code: string }; factor: string }) => [u.unit.code, u.factor])).toEqual([['set', '0.125'], ['box', '12']]);
    const bad = await admin.patch(`/api/v1/catalog/spus/${spu.id}`, { version: spu.version, units: [{ unitId: ids.pcs, factor: '1' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('units.0.unitId');
  });
});

describe('who reads and who writes', () => {
  it('shows reps only sellable SKUs for the customer\'s grade and no cost; finance sees cost', async () => {
    const spu = await ok(await admin.post('/api/v1/catalog/spus', {
      code: 'VIP-SVC', name: '大客户驻场服务', kind: 'service', baseUnitId: ids.set, taxRate: '0.06', sellable: { grades: ['A'], channels: null, regions: null },
    }), 201);
    await ok(await admin.post('/api/v1/catalog/skus', { spuId: spu.id, code: 'VIP-SVC-M', name: '驻场服务(月)', listPrice: '30000.00', cost: '18000' }), 201);
    const forB = await ok(await rep.get('/api/v1/catalog/skus?grade=B&q=VIP'));
    const forA = await ok(await rep.get('/api/v1/catalog/skus?grade=A&q=VIP'));
    expect(forB.items).toEqual([]);
    expect(forA.items.map((s: { code: string; cost: string | null }) => [s.code, s.cost])).toEqual([['VIP-SVC-M', null]]);
    const byFinance = await ok(await finance.get('/api/v1/catalog/skus?q=VIP'));
    expect(byFinance.items[0].cost).toBe('18000');

    const sku = await ok(await admin.get(`/api/v1/catalog/skus/${ids.cloudStd}`));
    await ok(await admin.patch(`/api/v1/catalog/skus/${ids.cloudStd}`, { version: sku.version, status: 'inactive' }));
    expect((await rep.get(`/api/v1/catalog/skus/${ids.cloudStd}`)).status).toBe(404);
    expect((await ok(await rep.get('/api/v1/catalog/skus?q=L2C-CLOUD'))).items).toHaveLength(4);
    expect((await ok(await admin.get('/api/v1/catalog/skus?q=L2C-CLOUD'))).items).toHaveLength(5);
  });

  it('lets a product manager (a rep given the capability) change prices, audited; others get 403', async () => {
    const sku = await ok(await admin.get(`/api/v1/catalog/skus/${ids.cloudPro}`));
    const refused = await rep.patch(`/api/v1/catalog/skus/${ids.cloudPro}`, { version: sku.version, listPrice: '999.00' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('catalog.forbidden');
    expect((await put(rep, '/api/v1/catalog/managers', { userIds: [t.users.repEast.id] })).status).toBe(403);
    const managers = await ok(await put(admin, '/api/v1/catalog/managers', { userIds: [t.users.repEast.id] }));
    expect(managers.items).toEqual([{ userId: t.users.repEast.id, name: t.users.repEast.name }]);
    expect((await ok(await rep.get('/api/v1/catalog/managers'))).canManage).toBe(true);
    expect((await ok(await repNorth.get('/api/v1/catalog/managers'))).canManage).toBe(false);
    const changed = await ok(await rep.patch(`/api/v1/catalog/skus/${ids.cloudPro}`, { version: sku.version, listPrice: '1380.00', cost: '320.5' }));
    expect(changed).toMatchObject({ listPrice: '1380.00', cost: '320.5', version: sku.version + 1 });
    const stale = await rep.patch(`/api/v1/catalog/skus/${ids.cloudPro}`, { version: sku.version, listPrice: '1.00' });
    expect(stale.status).toBe(409);
    const audit = await ok(await admin.get(`/api/v1/audit?entityType=sku&entityId=${ids.cloudPro}`));
    const update = audit.items.find((e: { action: string }) => e.action === 'catalog.sku.update');
    expect(update.changes).toEqual(expect.arrayContaining([
      { field: 'listPrice', before: '1200.00', after: '1380.00' }, { field: 'cost', before: '300.0000', after: '320.5000' },
    ]));
    await ok(await put(admin, '/api/v1/catalog/managers', { userIds: [] }));
  });
});

describe('bundles and the configurator', () => {
  let bundle: { id: string; version: number };
  let tree: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const opt = (code: string) => tree.groups.flatMap((g: { options: Array<{ code: string; id: string }> }) => g.options).find((o: { code: string }) => o.code === code);

  beforeAll(async () => {
    const spu = await ok(await admin.post('/api/v1/catalog/spus', { code: 'KIT', name: '套装', kind: 'project', productLineId: ids.SW, baseUnitId: ids.set, taxRate: '0.13' }), 201);
    const hwSpu = await ok(await admin.post('/api/v1/catalog/spus', { code: 'SRV', name: '服务器', kind: 'goods', productLineId: ids.HW, baseUnitId: ids.pcs, taxRate: '0.13' }), 201);
    const sku = async (spuId: string, code: string, name: string, price: string, isBundle = false) => (await ok(await admin.post('/api/v1/catalog/skus', { spuId, code, name, listPrice: price, isBundle }), 201));
    const server = await sku(hwSpu.id, 'SRV-R740', 'R740 服务器', '48000.00');
    const disk = await sku(hwSpu.id, 'SRV-DISK-4T', '4T 硬盘', '1600.00');
    const rack = await sku(spu.id, 'KIT-RACK', '机柜套件', '0.00', true);
    const support = await sku(spu.id, 'KIT-SUP-724', '7×24 支持', '20000.00');
    const basic = await sku(spu.id, 'KIT-SUP-5X8', '5×8 支持', '8000.00');
    const training = await sku(spu.id, 'KIT-TRAIN', '培训(人天)', '3000.00');
    bundle = await sku(spu.id, 'KIT-CRM-STARTER', 'CRM 入门套装', '99000.00', true);
    // Level 2: the rack kit is a server with 2–8 disks (default 4).
    const rackBefore = await ok(await admin.get(`/api/v1/catalog/bundles/${rack.id}`));
    await ok(await put(admin, `/api/v1/catalog/bundles/${rack.id}`, {
      version: rackBefore.version,
      groups: [
        { code: 'server', name: '服务器', required: true, maxOptions: 1, options: [{ key: 's', skuId: server.id, isDefault: true }] },
        { code: 'disks', name: '硬盘', required: true, options: [{ key: 'd', skuId: disk.id, isDefault: true, defaultQty: '4', minQty: '2', maxQty: '8' }] },
      ],
    }));
    const saved = await ok(await put(admin, `/api/v1/catalog/bundles/${bundle.id}`, {
      version: bundle.version,
      groups: [
        { code: 'licences', name: '许可', required: true, maxOptions: 1, options: [
          { key: 'pro', skuId: ids.cloudPro, isDefault: true, defaultQty: '10', minQty: '5', maxQty: '500' },
        ] },
        { code: 'support', name: '支持服务', required: false, maxOptions: 1, options: [
          { key: '724', skuId: support.id }, { key: '5x8', skuId: basic.id, isDefault: true },
        ] },
        { code: 'hardware', name: '硬件', options: [{ key: 'rack', skuId: rack.id, defaultQty: '1', maxQty: '2' }] },
        { code: 'services', name: '服务', options: [{ key: 'train', skuId: training.id, isDefault: true, defaultQty: '2', maxQty: '20' }] },
      ],
      rules: [
        { kind: 'requires', option: 'rack', target: '724' },
        { kind: 'excludes', option: 'rack', target: 'train' },
        { kind: 'max_ratio', option: 'train', target: 'pro', factor: '0.5' },
      ],
    }));
    bundle = { id: bundle.id, version: saved.version };
    tree = saved.tree;
    ids.bundle = bundle.id;
    ids.rack = rack.id;
  });

  const configure = async (options: unknown[]) => ok(await rep.post(`/api/v1/catalog/bundles/${bundle.id}/configure`, { selection: { options } }));

  it('accepts the default selection and lists its lines', async () => {
    const res = await configure([{ optionId: opt('L2C-CLOUD-PRO-1Y').id, quantity: '10' }, { optionId: opt('KIT-SUP-5X8').id, quantity: '1' }, { optionId: opt('KIT-TRAIN').id, quantity: '2' }]);
    expect(res).toMatchObject({ ok: true, errors: [] });
    expect(res.lines.map((l: { code: string; quantity: string }) => [l.code, l.quantity])).toEqual([['L2C-CLOUD-PRO-1Y', '10'], ['KIT-SUP-5X8', '1'], ['KIT-TRAIN', '2']]);
  });

  it('names the required group that is missing and the group whose maximum is exceeded', async () => {
    const res = await configure([{ optionId: opt('KIT-SUP-724').id, quantity: '1' }, { optionId: opt('KIT-SUP-5X8').id, quantity: '1' }]);
    expect(res.ok).toBe(false);
    expect(res.errors.map((e: { code: string; params: Record<string, string> }) => [e.code, e.params.group])).toEqual([['group_required', '许可'], ['group_max', '支持服务']]);
  });

  it('enforces option quantities, requires, excludes and the ratio rule, naming the options', async () => {
    const res = await configure([
      { optionId: opt('L2C-CLOUD-PRO-1Y').id, quantity: '4' }, { optionId: opt('KIT-RACK').id, quantity: '1' }, { optionId: opt('KIT-TRAIN').id, quantity: '3' },
    ]);
    expect(res.errors.map((e: { code: string; message: string }) => [e.code, e.message])).toEqual([
      ['qty_below_min', 'L2C 云 专业版 / 1年: at least 5, not 4'],
      ['requires', '机柜套件 requires 7×24 支持'],
      ['excludes', '机柜套件 cannot be combined with 培训(人天)'],
      ['max_ratio', '培训(人天): at most 0.5 per L2C 云 专业版 / 1年 (2), not 3'],
    ]);
  });

  it('configures the second level: its defaults multiply by the parent quantity, its own bounds are checked', async () => {
    const rack = opt('KIT-RACK');
    const ok2 = await configure([{ optionId: opt('L2C-CLOUD-PRO-1Y').id, quantity: '10' }, { optionId: opt('KIT-SUP-724').id, quantity: '1' }, { optionId: rack.id, quantity: '2' }]);
    expect(ok2.ok).toBe(true);
    expect(ok2.lines.map((l: { code: string; quantity: string; level: number }) => [l.code, l.quantity, l.level])).toEqual([
      ['L2C-CLOUD-PRO-1Y', '10', 1], ['KIT-SUP-724', '1', 1], ['KIT-RACK', '2', 1], ['SRV-R740', '2', 2], ['SRV-DISK-4T', '8', 2],
    ]);
    const disks = rack.child.groups[1].options[0];
    const bad = await configure([{ optionId: opt('L2C-CLOUD-PRO-1Y').id, quantity: '10' }, { optionId: opt('KIT-SUP-724').id, quantity: '1' },
      { optionId: rack.id, quantity: '1', selection: { options: [{ optionId: disks.id, quantity: '9' }] } }]);
    expect(bad.errors.map((e: { code: string; path: string }) => [e.code, e.path])).toEqual([
      ['qty_above_max', 'KIT-CRM-STARTER/KIT-RACK/SRV-DISK-4T'], ['group_required', 'KIT-CRM-STARTER/KIT-RACK/server'],
    ]);
  });

  it('refuses a loop: the rack kit cannot take the bundle that contains it', async () => {
    const rack = await ok(await admin.get(`/api/v1/catalog/bundles/${ids.rack}`));
    const res = await put(admin, `/api/v1/catalog/bundles/${ids.rack}`, { version: rack.version, groups: [{ code: 'x', name: 'x', options: [{ key: 'b', skuId: bundle.id }] }] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('catalog.bundle_loop');
  });
});

describe('Excel', () => {
  it('exports the catalog and imports it back: another tenant gets the same SKUs, the same tenant changes nothing', async () => {
    const res = await fetch(`${baseUrl}/api/v1/catalog/export.xlsx?lang=zh`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['产品编码', '产品名称', '产品类型']);
    const rows = sheet.rowCount - 1;
    expect(rows).toBe(13); // 5 cloud variants, the VIP service, 7 SKUs of the bundle test

    const upload = async (c: Client) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), 'catalog.xlsx');
      const r = await fetch(`${baseUrl}/api/v1/catalog/import`, { method: 'POST', headers: { authorization: `Bearer ${c.token}` }, body: form });
      return { status: r.status, body: await r.json() as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const same = await upload(admin);
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body).toMatchObject({ rows, spusCreated: 0, skusCreated: 0, skusUpdated: 0, unchanged: rows, errors: [] });

    const other = await makeTenant(db);
    const otherAdmin = await login(baseUrl, other.users.admin);
    for (const [code, name] of [['pcs', '件'], ['box', '箱'], ['set', '套'], ['seat', '用户']]) await ok(await otherAdmin.post('/api/v1/catalog/units', { code, name }), 201);
    for (const code of ['SW', 'HW']) await ok(await otherAdmin.post('/api/v1/catalog/product-lines', { code, name: code }), 201);
    const fresh = await upload(otherAdmin);
    expect(fresh.body).toMatchObject({ rows, skusCreated: rows, skusUpdated: 0, errors: [] });
    const copy = await ok(await otherAdmin.get('/api/v1/catalog/skus?q=L2C-CLOUD-PRO-1Y'));
    expect(copy.items[0]).toMatchObject({ listPrice: '1380.00', cost: '320.5', taxRate: '0.06', taxCode: '3040201000000000000', kind: 'virtual', productLine: { code: 'SW' }, unit: { code: 'seat' } });
    expect((await upload(rep)).status).toBe(403);
  });
});

describe('Excel import bounds', () => {
  it('refuses a workbook past 2,000 rows at the first row over, and reports bad rows by row and field', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('SKU');
    sheet.addRow(['SKU编码', '标准价', '产品编码']);
    for (let i = 0; i < 2001; i++) sheet.addRow([`BULK-${i}`, '1.00', 'L2C-CLOUD']);
    const big = Buffer.from(await wb.xlsx.writeBuffer());
    const send = async (bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), 'bulk.xlsx');
      const r = await fetch(`${baseUrl}/api/v1/catalog/import`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
      return { status: r.status, body: await r.json() as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const refused = await send(big);
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ code: 'catalog.import_too_large', errors: [{ path: 'file', message: 'more than 2000 rows' }] });
    expect((await ok(await admin.get('/api/v1/catalog/skus?q=BULK-'))).items).toEqual([]); // nothing of it was imported

    const small = new ExcelJS.Workbook();
    const s2 = small.addWorksheet('SKU');
    s2.addRow(['SKU编码', 'SKU名称', '标准价', '产品编码', '状态']);
    s2.addRow(['BULK-OK', '导入测试', '12.50', 'L2C-CLOUD', '在售']);
    s2.addRow(['BULK-BAD', '坏价格', '12.345', 'L2C-CLOUD', '在售']);
    s2.addRow(['BULK-NEW', '新产品缺字段', '1.00', 'NEW-SPU', '在售']);
    const report = await send(Buffer.from(await small.xlsx.writeBuffer()));
    expect(report.body).toMatchObject({ rows: 3, skusCreated: 1 });
    expect(report.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[3, 'listPrice'], [4, 'spuName'], [4, 'kind'], [4, 'unit'], [4, 'taxRate']]);
  });
});

describe('contracts use the catalog', () => {
  it('keeps a SKU line and a free line apart, fills the code from the catalog, and ages them by product line', async () => {
    const customerId = (await ok(await rep.post('/api/v1/customers', { name: `目录合同测试客户${Date.now()}有限公司`, allowDuplicate: true }), 201)).id;
    const bad = await rep.post('/api/v1/contracts', {
      kind: 'order', customerId, title: '目录合同', pricesIncludeTax: true, paymentTermDays: 30, planTemplate: 'full_on_signing',
      lines: [{ skuId: '00000000-0000-4000-8000-000000000000', description: 'x', quantity: '1', unitPrice: '1.00', taxRate: '0.13' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'lines.0.skuId', message: 'no such SKU in the catalog' }]);
    const contract = await ok(await rep.post('/api/v1/contracts', {
      kind: 'order', customerId, title: '目录合同', pricesIncludeTax: true, paymentTermDays: 30, planTemplate: 'full_on_signing',
      lines: [
        { skuId: ids.cloudPro, description: 'L2C 云 专业版 / 1年', quantity: '10', unitPrice: '1380.00', taxRate: '0.06' },
        { description: '一次性数据迁移', productCode: 'IMPL-MIGRATE', quantity: '1', unitPrice: '6200.00', taxRate: '0.06' },
      ],
    }), 201);
    expect(contract.lines.map((l: { skuId: string | null; productCode: string; unit: string | null; amountInclTax: string }) => [l.skuId, l.productCode, l.unit, l.amountInclTax])).toEqual([
      [ids.cloudPro, 'L2C-CLOUD-PRO-1Y', '用户', '13800.00'], [null, 'IMPL-MIGRATE', null, '6200.00'],
    ]);
    await asSystem(db, async (tx) => { await sql`update contracts set status = 'signed' where id = ${contract.id}`.execute(tx); });
    const booked = await finance.post('/api/v1/receivables', { customerId, contractId: contract.id, amount: '20000.00', businessDate: '2026-06-01', dueDate: '2026-06-20', reason: '目录合同' });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const aging = await ok(await finance.get('/api/v1/aging?asOf=2026-06-30&groupBy=product_line'));
    // 20,000.00 split by the lines' 13,800 : 6,200 — the SKU's catalog line SW, the free line its code prefix IMPL.
    expect(aging.rows.map((r: { key: string; total: string }) => [r.key, r.total])).toEqual([['SW', '13800.00'], ['IMPL', '6200.00']]);
  });
});

describe('the demo catalog', () => {
  it('builds variants, a two-level bundle whose defaults configure, and links the demo contracts\' lines', async () => {
    const { demoCatalog } = await import('../src/demo/demo-catalog.js');
    const d = await makeTenant(db);
    await asSystem(db, async (tx) => {
      await sql`update users set email = 'admin@demo.l2c.cn' where id = ${d.users.admin.id}`.execute(tx);
      await sql`update users set email = 'zhou.jing@demo.l2c.cn' where id = ${d.users.finance.id}`.execute(tx);
    });
    const dAdmin = await login(baseUrl, { email: 'admin@demo.l2c.cn' }, d.slug);
    const customerId = (await ok(await dAdmin.post('/api/v1/customers', { name: `演示目录客户${Date.now()}有限公司`, allowDuplicate: true }), 201)).id;
    const legacy = await ok(await dAdmin.post('/api/v1/contracts', {
      kind: 'order', customerId, title: '旧合同', pricesIncludeTax: true, paymentTermDays: 30, planTemplate: 'full_on_signing',
      lines: [{ productCode: 'IG-500', description: '工业物联网网关 IG-500', quantity: '2', unitPrice: '12800.00', taxRate: '0.13' }, { productCode: 'X-1', description: '其他', quantity: '1', unitPrice: '10.00', taxRate: '0.13' }],
    }), 201);
    const ids = await demoCatalog(db, d.tenantId);
    expect(Object.keys(ids)).toHaveLength(13);
    const skus = await ok(await dAdmin.get('/api/v1/catalog/skus?q=IG-500'));
    expect(skus.items.map((s: { code: string }) => s.code)).toEqual(['IG-500-4P-4G', 'IG-500-8P-4G', 'IG-500-8P-5G']);
    expect((await ok(await dAdmin.get('/api/v1/catalog/skus?q=SAAS-PRO'))).items[0]).toMatchObject({ listPrice: '120000.00', cost: '21000', kind: 'virtual', productLine: { code: 'CLOUD' } });
    const kit = await ok(await dAdmin.get(`/api/v1/catalog/bundles/${ids['KIT-FACTORY']}`));
    const { defaultSelection, validateConfiguration } = await import('@l2c/shared');
    expect(validateConfiguration(kit.tree, defaultSelection(kit.tree))).toMatchObject({ ok: true });
    const edgeOption = kit.tree.groups.find((g: { code: string }) => g.code === 'edge').options[0];
    const withEdge = await ok(await dAdmin.post(`/api/v1/catalog/bundles/${ids['KIT-FACTORY']}/configure`, { selection: { options: [...defaultSelection(kit.tree).options, { optionId: edgeOption.id, quantity: '2' }] } }));
    expect(withEdge.errors.map((e: { code: string }) => e.code)).toEqual(['excludes']); // the standard platform has no edge nodes
    expect(withEdge.lines.filter((l: { level: number }) => l.level === 2).map((l: { code: string; quantity: string }) => [l.code, l.quantity])).toEqual([['EC-200', '2'], ['SEN-T', '8']]);
    const linked = await ok(await dAdmin.get(`/api/v1/contracts/${legacy.id}`));
    expect(linked.lines.map((l: { productCode: string; skuId: string | null }) => [l.productCode, l.skuId])).toEqual([['IG-500', ids['IG-500-8P-4G']], ['X-1', null]]);
  });
});
