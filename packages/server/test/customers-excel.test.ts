// Customers in and out of Excel: the export is the list (filters, data scope) as a workbook people can read; the import
// takes what people type, reports each bad row by its spreadsheet row number and creates the rest in one go.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportCustomers, EXPORT_MAX_ROWS } from '../src/domains/customers/excel.service.js';
import { login, makeTenant, randomCreditCode, testApp, type Client, type TestTenant } from './helpers.js';

let baseUrl: string;
let db: Awaited<ReturnType<typeof testApp>>['db'];
let t: TestTenant; // export data
let imp: TestTenant; // import data, so imports do not change the export counts
const c: Record<string, Client> = {};
const codes: Record<string, string> = {};

beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
  db = h.db;
  t = await makeTenant(h.db);
  imp = await makeTenant(h.db);
  for (const k of ['admin', 'repEast', 'repNorth', 'finance'] as const) c[k] = await login(baseUrl, t.users[k]);
  c.importer = await login(baseUrl, imp.users.repEast);
  c.impOther = await login(baseUrl, imp.users.repNorth);
  c.impFinance = await login(baseUrl, imp.users.finance);
  codes.haichuan = await randomCreditCode();
  const fixtures: Array<[Client, Record<string, unknown>]> = [
    [c.repEast!, { name: '宁波海川精密机械有限公司', creditCode: codes.haichuan, industry: 'manufacturing', grade: 'A', phone: '057488886666', region: '浙江省宁波市' }],
    [c.repEast!, { name: '杭州西溪软件有限公司', industry: 'it', source: 'exhibition' }],
    [c.repNorth!, { name: '天津北辰物流有限公司', industry: 'logistics' }],
  ];
  for (const [client, body] of fixtures) expect((await client.post('/api/v1/customers', body)).status).toBe(201);
  const haichuan = (await c.repEast!.get(`/api/v1/customers?q=${encodeURIComponent('宁波海川')}`)).body.items[0];
  // 20:30 UTC is already the next morning in Shanghai: the export shows the business date.
  const followUp = await c.repEast!.post(`/api/v1/customers/${haichuan.id}/followups`, { kind: 'call', content: '电话沟通需求', occurredAt: '2026-03-01T20:30:00Z' });
  expect(followUp.status).toBe(201);
});

async function download(client: Client, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${client.token}`, ...headers } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes };
}

async function parse(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Sheet rows as arrays of cell values, header first (exceljs rows are 1-based with an empty slot 0). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function workbookOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sheet1');
  rows.forEach((r, i) => sheet.getRow(i + 1).values = r as ExcelJS.CellValue[]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(client: Client, bytes: Buffer, filename: string, query = '') {
  const form = new FormData();
  form.append('file', new Blob([bytes]), filename);
  const res = await fetch(`${baseUrl}/api/v1/customers/import${query}`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('export', () => {
  it('is an .xlsx of every customer in scope with localized headers, text codes and labels', async () => {
    const { res, bytes } = await download(c.admin!, '/api/v1/customers/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''customers-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = (await parse(bytes)).worksheets[0]!;
    const rows = rowsOf(sheet);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(['客户编号', '客户名称', '统一社会信用代码', '行业', '地区', '等级', '来源', '电话', '地址', '网址', '负责人', '上级公司', '最近跟进', '创建时间', '备注']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();

    const haichuan = sheet.getRow(rows.findIndex((r) => r[1] === '宁波海川精密机械有限公司') + 1);
    expect(haichuan.getCell(1).value).toMatch(/^KH-\d{4}-\d{6}$/);
    expect(haichuan.getCell(3).value).toBe(codes.haichuan);
    expect(haichuan.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(haichuan.getCell(8).value).toBe('057488886666');
    expect(haichuan.getCell(8).type).toBe(ExcelJS.ValueType.String);
    expect([4, 5, 6, 7, 11].map((n) => haichuan.getCell(n).value)).toEqual(['制造业', '浙江省宁波市', 'A', '手工录入', 'repEast']);
    expect(haichuan.getCell(13).value).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(haichuan.getCell(14).value).toBeInstanceOf(Date);
  });

  it('a rep exports only their own customers', async () => {
    const { bytes } = await download(c.repEast!, '/api/v1/customers/export.xlsx');
    const names = rowsOf((await parse(bytes)).worksheets[0]!).slice(1).map((r) => r[1]).sort();
    expect(names).toEqual(['宁波海川精密机械有限公司', '杭州西溪软件有限公司']);
  });

  it('applies the list filters, and speaks English when asked', async () => {
    const { bytes } = await download(c.admin!, '/api/v1/customers/export.xlsx?industry=it&lang=en');
    const rows = rowsOf((await parse(bytes)).worksheets[0]!);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.slice(0, 4)).toEqual(['Customer number', 'Customer name', 'Unified social credit code', 'Industry']);
    expect(rows[1]!.slice(1, 7)).toEqual(['杭州西溪软件有限公司', undefined, 'Information technology', undefined, undefined, 'Exhibition']);
    const viaHeader = await download(c.admin!, '/api/v1/customers/export.xlsx', { 'accept-language': 'en-US,en;q=0.9' });
    expect(rowsOf((await parse(viaHeader.bytes)).worksheets[0]!)[0]![1]).toBe('Customer name');
  });

  it('refuses more rows than the cap with a 422 problem (cap lowered here: 50,001 rows take PGlite too long)', async () => {
    const u = t.users.admin;
    const auth = { tenantId: t.tenantId, userId: u.id, role: 'admin', teamId: null, scope: 'all', name: u.name, tokenId: 'test', via: 'bearer', requestId: null } as const;
    expect(EXPORT_MAX_ROWS).toBe(50_000);
    await expect(exportCustomers(db, auth, { sort: '-createdAt' }, 'zh', 2)).rejects.toMatchObject({ status: 422, code: 'customers.export_too_large' });
    const chunks: Buffer[] = [];
    for await (const chunk of await exportCustomers(db, auth, { sort: '-createdAt' }, 'zh', 3)) chunks.push(chunk as Buffer);
    expect(rowsOf((await parse(Buffer.concat(chunks))).worksheets[0]!)).toHaveLength(4);
  });
});

describe('import template', () => {
  it('has the Chinese header, an example row and a 说明 sheet, and imports as it is', async () => {
    const { res, bytes } = await download(c.importer!, '/api/v1/customers/import-template.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('客户导入模板.xlsx')}`);
    const wb = await parse(bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['客户', '说明']);
    const rows = rowsOf(wb.worksheets[0]!);
    expect(rows[0]).toEqual(['客户名称', '统一社会信用代码', '行业', '地区', '等级', '来源', '电话', '地址', '网址', '备注']);
    expect(rows).toHaveLength(2);
    expect(rowsOf(wb.worksheets[1]!).map((r) => r[0])).toContain('统一社会信用代码');

    const report = await upload(c.importer!, bytes, 'template.xlsx');
    expect(report.body).toEqual({ totalRows: 1, created: 1, failed: 0, errors: [] });
    const found = (await c.importer!.get(`/api/v1/customers?q=${encodeURIComponent('杭州云帆科技')}`)).body.items;
    expect(found[0]).toMatchObject({ industry: 'it', grade: 'B', source: 'exhibition', owner: { id: imp.users.repEast.id } });
  });
});

describe('import', () => {
  it('creates the good rows, reports the bad ones by spreadsheet row, and ignores empty rows', async () => {
    const existingCode = await randomCreditCode();
    expect((await c.impOther!.post('/api/v1/customers', { name: '衢州已有客户有限公司', creditCode: existingCode })).status).toBe(201);
    const good = await randomCreditCode();
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const bytes = await workbookOf([
      ['Credit Code', ' 客户名称 ', '行业', 'PHONE', '等级', '不认识的列'],
      [await randomCreditCode(), '温州瓯江阀门有限公司', '制造业', '0577-86661234', 'A', 'x'], // row 2
      [badCheck, '绍兴越城纺织有限公司', 'retail', null, null], // row 3: bad check character
      [], // row 4: empty, ignored
      [null, '嘉兴南湖电子有限公司', 'it', '13900001111', 'b'], // row 5
      [existingCode, '丽水云和木玩有限公司', null, null, null], // row 6: credit code of an existing customer
      [null, '湖州太湖旅游有限公司', null, null, null], // row 7
    ]);
    const res = await upload(c.importer!, bytes, '客户.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      totalRows: 5, created: 3, failed: 2,
      errors: [
        { row: 3, errors: [{ field: 'creditCode', message: expect.stringContaining('check character') }] },
        { row: 6, errors: [{ field: 'creditCode', message: expect.stringMatching(/already used by customer KH-\d{4}-\d{6}/) }] },
      ],
    });

    for (const name of ['温州瓯江阀门', '嘉兴南湖电子', '湖州太湖旅游']) {
      const items = (await c.importer!.get(`/api/v1/customers?q=${encodeURIComponent(name)}`)).body.items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ source: 'import', owner: { id: imp.users.repEast.id } });
      expect(items[0].number).toMatch(/^KH-\d{4}-\d{6}$/);
    }
    const wenzhou = (await c.importer!.get(`/api/v1/customers?q=${encodeURIComponent('温州瓯江')}`)).body.items[0];
    expect(wenzhou).toMatchObject({ industry: 'manufacturing', grade: 'A', phone: '0577-86661234' });
    const audit = await c.importer!.get(`/api/v1/audit?entityType=customer&entityId=${wenzhou.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['import']);
    expect(audit.body.items[0].changes).toEqual(expect.arrayContaining([
      { field: 'number', before: null, after: wenzhou.number },
      { field: 'ownerName', before: null, after: 'repEast' },
      { field: 'industry', before: null, after: 'manufacturing' },
    ]));
    expect((await c.importer!.get(`/api/v1/customers?q=${encodeURIComponent('绍兴越城')}`)).body.items).toHaveLength(0);
  });

  it('refuses duplicates within the file, and similar names unless allowDuplicates=true', async () => {
    await c.impOther!.post('/api/v1/customers', { name: '金华义乌小商品有限公司' });
    const code = await randomCreditCode();
    const rows = [
      ['客户名称', '统一社会信用代码', '来源', '行业'],
      ['台州黄岩模具有限公司', code, '展会', null], // row 2
      ['台州黄岩模具（股份有限公司）', null, null, null], // row 3: same company as row 2
      ['舟山海洋渔业有限公司', code, null, null], // row 4: same credit code as row 2
      ['金华义乌小商品股份有限公司', null, null, '农业'], // row 5: unknown industry, and an existing name
      ['金华义乌小商品股份有限公司', null, null, null], // row 6: an existing name
    ];
    const first = await upload(c.importer!, await workbookOf(rows), 'dups.xlsx');
    expect(first.body).toMatchObject({ totalRows: 5, created: 1, failed: 4 });
    expect(first.body.errors).toEqual([
      { row: 3, errors: [{ field: 'name', message: 'the same company as row 2' }] },
      { row: 4, errors: [{ field: 'creditCode', message: 'already used by row 2' }] },
      { row: 5, errors: [{ field: 'industry', message: expect.stringContaining('农业') }] },
      { row: 6, errors: [{ field: 'name', message: expect.stringMatching(/^the same company as customer KH-/) }] },
    ]);
    const forced = await upload(c.importer!, await workbookOf([rows[0]!, rows[5]!]), 'dups.xlsx', '?allowDuplicates=true');
    expect(forced.body).toEqual({ totalRows: 1, created: 1, failed: 0, errors: [] });
  });

  it('names the schema fields of every invalid value', async () => {
    const res = await upload(c.importer!, await workbookOf([
      ['name', 'grade', 'phone', 'source'],
      ['x', 'E', 'not a phone', 'tv'],
    ]), 'bad.xlsx');
    expect(res.body.errors[0].row).toBe(2);
    expect(res.body.errors[0].errors.map((e: { field: string }) => e.field).sort()).toEqual(['grade', 'name', 'phone', 'source']);
  });

  it('a file that is not a workbook, or has no name column, is a 400 problem naming the file', async () => {
    const text = await upload(c.importer!, Buffer.from('name,phone\nacme,123\n'), 'notes.txt');
    expect(text.status).toBe(400);
    expect(text.headers.get('content-type')).toContain('application/problem+json');
    expect(text.body.code).toBe('customers.bad_file');
    expect(text.body.detail).toContain('notes.txt');
    const headless = await upload(c.importer!, await workbookOf([['电话', '地址'], ['0571-1234567', '杭州']]), 'no-name.xlsx');
    expect(headless.status).toBe(400);
    expect(headless.body).toMatchObject({ code: 'customers.bad_file', detail: expect.stringContaining('no-name.xlsx') });
  });

  it('refuses more than 5,000 rows', async () => {
    const rows = [['客户名称'], ...Array.from({ length: 5001 }, (_, i) => [`批量测试客户${i}有限公司`])];
    const res = await upload(c.importer!, await workbookOf(rows), 'big.xlsx');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('customers.too_many_rows');
  });

  it('needs the import permission', async () => {
    const res = await upload(c.impFinance!, await workbookOf([['客户名称'], ['财务导入有限公司']]), 'x.xlsx');
    expect(res.status).toBe(403);
    expect((await download(c.impFinance!, '/api/v1/customers/import-template.xlsx')).res.status).toBe(403);
  });
});
