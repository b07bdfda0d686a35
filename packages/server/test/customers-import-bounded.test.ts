// Bounded input for the Excel import: a workbook far over the row limit is refused while it is being read, not after
// the whole sheet has been built in memory. Before the fix a 9 MB file of 1.15M rows took 2.1 GB and held the event
// loop for seconds. The file is generated here (a checked-in fixture of this size is not worth its weight) with the
// streaming writer, as Excel lays it out: the sheet part first, shared strings after it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS } from '../src/domains/customers/excel.service.js';
import { CELL_BUDGET } from '../src/domains/customers/excel.reader.js';
import { login, makeTenant, testApp, type Client } from './helpers.js';
import { buildOversizedWorkbook as buildWorkbook } from './fixtures/oversized-workbook.js';

const ROWS = 1_100_000;
const MB = 1024 * 1024;
let baseUrl: string;
let importer: Client;
let dir: string;
let bigFile: string;


beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
  const t = await makeTenant(h.db);
  importer = await login(baseUrl, t.users.repEast);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-import-'));
  bigFile = path.join(dir, 'big.xlsx');
  await buildWorkbook(bigFile, ROWS);
}, 180_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function upload(bytes: Buffer, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), filename);
  const res = await fetch(`${baseUrl}/api/v1/customers/import`, { method: 'POST', headers: { authorization: `Bearer ${importer.token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any, contentType: res.headers.get('content-type') }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('import of a workbook far over the row limit', () => {
  it('is refused at the limit with a 400 naming file and limit; memory stays bounded and health checks answer meanwhile', async () => {
    const bytes = fs.readFileSync(bigFile);
    expect(bytes.length).toBeGreaterThan(8 * MB);
    expect(bytes.length).toBeLessThan(10 * MB); // under the upload cap: the row limit, not the size cap, must stop it

    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
    let running = true;
    const health: number[] = [];
    const checks = (async () => {
      while (running) {
        health.push((await fetch(`${baseUrl}/api/health`)).status);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    try {
      const res = await upload(bytes, '客户-大文件.xlsx');
      expect(res.status).toBe(400);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body.code).toBe('customers.too_many_rows');
      expect(res.body.detail).toContain('客户-大文件.xlsx');
      expect(res.body.detail).toContain(IMPORT_MAX_ROWS.toLocaleString('en'));
      expect(res.body.errors[0].path).toBe('file');
    } finally {
      running = false;
      await checks;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      console.info(`import of ${ROWS.toLocaleString('en')} rows (${(bytes.length / MB).toFixed(1)} MB): peak RSS growth ${((peak - base) / MB).toFixed(0)} MB, ${health.length} health checks`);
    }
    const growth = (peak - base) / MB;
    expect(growth).toBeLessThan(300);
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((s) => s === 200)).toBe(true);
  }, 120_000);

  it('a file one row over the limit is refused the same way', async () => {
    const over = path.join(dir, 'over.xlsx');
    await buildWorkbook(over, IMPORT_MAX_ROWS + 1);
    const res = await upload(fs.readFileSync(over), 'over.xlsx');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'customers.too_many_rows', detail: expect.stringContaining('over.xlsx') });
  }, 60_000);

  it('a valid workbook laid out as Excel does (shared strings after the sheet) imports with its strings resolved', async () => {
    const file = path.join(dir, 'excel-order.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
    const sheet = wb.addWorksheet('客户');
    sheet.addRow(['备注', '客户名称', '等级', '电话']).commit();
    sheet.addRow(['老客户', '流式导入甲有限公司', 'A', '0571-88881234']).commit();
    sheet.addRow([]).commit();
    sheet.addRow([null, '流式导入乙有限公司', 'Z', null]).commit(); // row 4: unknown grade
    sheet.commit();
    await wb.commit();
    const res = await upload(fs.readFileSync(file), 'excel-order.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ totalRows: 2, created: 1, failed: 1, errors: [{ row: 4, errors: [{ field: 'grade', message: expect.any(String) }] }] });
    const found = (await importer.get(`/api/v1/customers?q=${encodeURIComponent('流式导入甲')}`)).body.items;
    expect(found[0]).toMatchObject({ grade: 'A', phone: '0571-88881234', remark: '老客户' });
  });

  it('an export (inline strings, no shared-strings part) reads back: every row is found, as a duplicate of itself', async () => {
    const res = await fetch(`${baseUrl}/api/v1/customers/export.xlsx`, { headers: { authorization: `Bearer ${importer.token}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    const names = ((await importer.get('/api/v1/customers?limit=200')).body.items as Array<{ name: string }>).map((c) => c.name);
    expect(names.length).toBeGreaterThan(0);
    const back = await upload(bytes, 'export.xlsx');
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ totalRows: names.length, created: 0, failed: names.length });
    expect(back.body.errors[0].errors[0]).toMatchObject({ field: 'name', message: expect.stringMatching(/^the same company as customer KH-/) });
  });

  it('more cells than the budget, within the row limit, is a 400 naming the bound (memory stays bounded by cells, not rows)', async () => {
    const wb = new ExcelJS.Workbook(); // the whole-workbook writer puts the shared strings before the sheet
    const sheet = wb.addWorksheet('客户');
    const columns = Math.ceil(CELL_BUDGET / 4_000) + 1;
    sheet.addRow(['客户名称', ...Array.from({ length: columns - 1 }, (_, i) => `附加列${i}`)]);
    for (let r = 0; r < 4_000; r++) sheet.addRow(Array.from({ length: columns }, (_, c) => `r${r}c${c}`));
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'wide.xlsx');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'customers.too_many_cells', detail: expect.stringContaining('wide.xlsx') });
    expect(res.body.detail).toContain(CELL_BUDGET.toLocaleString('en'));
  }, 60_000);

  it('a file over the 10 MB upload cap is a 413 naming the file and the cap, read as it arrives', async () => {
    const res = await upload(Buffer.concat([fs.readFileSync(bigFile), Buffer.alloc(2 * MB, 7)]), 'too-big.xlsx');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'customers.file_too_large', detail: expect.stringContaining('too-big.xlsx') });
    expect(res.body.detail).toContain('10 MB');
  });
});

