// Invoices 发票 end to end over real HTTP and a real database: a rep requests one invoice over two receivables (one in
// full, one in part), finance approves it in the approval engine, the tax platform's workbook goes out and its export
// comes back (twice: nothing is created twice), part of it is red-lettered through a confirmation, and the receivables
// show invoiced / uninvoiced / paid to the cent. Over-invoicing and over-reversing are refused; scope and audit hold.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, randomCreditCode, type Client, type Res } from './helpers.js';
import { contractsWorld, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;
let customerId: string;
let r1: { id: string; number: string };
let r2: { id: string; number: string };
let requestId: string;
let requestNumber: string;
let invoiceId: string;
const BLUE_NO = '26332000000123456789';
const RED_NO = '26332000000987654321';

function ok(res: Res, status = 200) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

async function receivable(amount: string, taxAmount: string) {
  const b = ok(await w.finance.post('/api/v1/receivables', { customerId, amount, taxAmount, dueDate: '2026-12-31', reason: '设备款' }), 201);
  return { id: b.id as string, number: b.number as string };
}

async function upload(client: Client, path: string, data: Buffer): Promise<Res> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), 'export.xlsx');
  const res = await fetch(w.baseUrl + path, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** The tax platform's export as one tenant sees it: a title row, then headers on row 2; one row per invoice line. */
async function platformExport(rows: Array<[string, string, string, string]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('发票');
  ws.addRow(['数电发票查询导出']);
  ws.addRow(['数电发票号码', '开票日期', '价税合计', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const figures = async (id: string) => ok(await w.rep.get(`/api/v1/receivables/${id}/invoicing`));

beforeAll(async () => {
  w = await contractsWorld();
  const c = ok(await w.rep.post('/api/v1/customers', { name: '宁波发票测试精工有限公司', creditCode: await randomCreditCode(), allowDuplicate: true }), 201);
  customerId = c.id;
  r1 = await receivable('11300.00', '1300.00');
  r2 = await receivable('5650.00', '650.00');
  ok(await call(w.baseUrl, 'PUT', '/api/v1/invoice-settings', { token: w.finance.token, body: {
    seller: { name: '杭州云帆智能科技有限公司', taxpayerId: '91330100MA2XXXXXX1' },
    importMapping: { headerRow: 2, requestNumber: { header: '备注', pattern: '(KP-\\d{4}-\\d{6})' }, invoiceNumber: { header: '数电发票号码' }, issueDate: { header: '开票日期' }, amountInclTax: { header: '价税合计' } },
  } }));
});

describe('invoice requests 开票申请', () => {
  it('a rep requests one invoice over two receivables, line taxes exact to the cent, idempotently', async () => {
    const body = {
      invoiceType: 'special', pricesIncludeTax: true,
      items: [{ receivableId: r1.id, amount: '11300.00' }, { receivableId: r2.id, amount: '2000.00' }],
      lines: [
        { taxCode: '1090243010000000000', name: '工业物联网网关', specification: 'YF-G200', unit: '台', quantity: '10', unitPrice: '1130', amount: '11300.00', taxRate: '0.13' },
        { taxCode: '3040203000000000000', name: '安装调试服务', amount: '2000.00', taxRate: '0.06' },
      ],
      remarks: '项目一期',
    };
    const res = await w.rep.post('/api/v1/invoice-requests', body, { 'idempotency-key': 'inv-req-0001' });
    const req = ok(res, 201);
    expect(req).toMatchObject({ status: 'pending', invoiceType: 'special', amountInclTax: '13300.00', taxAmount: '1413.21', amountExclTax: '11886.79' });
    expect(req.lines.map((l: { amountExclTax: string; taxAmount: string }) => [l.amountExclTax, l.taxAmount])).toEqual([['10000.00', '1300.00'], ['1886.79', '113.21']]);
    expect(req.buyer.name).toBe('宁波发票测试精工有限公司');
    expect(req.buyer.taxpayerId).toMatch(/^91330100/);
    expect(req.approvalId).toBeTruthy();
    requestId = req.id;
    requestNumber = req.number;
    expect(requestNumber).toMatch(/^KP-\d{4}-\d{6}$/);
    const again = await w.rep.post('/api/v1/invoice-requests', body, { 'idempotency-key': 'inv-req-0001' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(requestId);
    expect(await figures(r2.id)).toEqual({ currency: 'CNY', amount: '5650.00', requested: '2000.00', invoiced: '0.00', uninvoiced: '3650.00', paid: '0.00' });
  });

  it('never invoices a receivable beyond its amount, and the lines must add up to the items', async () => {
    const over = await w.rep.post('/api/v1/invoice-requests', {
      invoiceType: 'ordinary', pricesIncludeTax: true, items: [{ receivableId: r2.id, amount: '3650.01' }], lines: [{ name: '设备款', amount: '3650.01', taxRate: '0.13' }],
    });
    expect(over.status).toBe(409);
    expect(over.body.type).toContain('invoices.over_invoiced');
    expect(over.body.errors[0]).toEqual({ path: 'items.0.amount', message: 'at most 3650.00 of this receivable is left to invoice' });
    const mismatch = await w.rep.post('/api/v1/invoice-requests', {
      invoiceType: 'ordinary', pricesIncludeTax: false, items: [{ receivableId: r2.id, amount: '1130.00' }], lines: [{ name: '设备款', amount: '1130.00', taxRate: '0.13' }],
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].message).toBe('the lines come to 1276.90 with tax; the items to 1130.00');
  });

  it('a rejected request frees what it held', async () => {
    const req = ok(await w.rep.post('/api/v1/invoice-requests', {
      invoiceType: 'ordinary', pricesIncludeTax: true, items: [{ receivableId: r2.id, amount: '3650.00' }], lines: [{ name: '设备款', amount: '3650.00', taxRate: '0.13' }],
    }), 201);
    expect((await figures(r2.id)).uninvoiced).toBe('0.00');
    ok(await w.finance.post(`/api/v1/approvals/${req.approvalId}/reject`, { comment: '抬头有误' }));
    expect(ok(await w.rep.get(`/api/v1/invoice-requests/${req.id}`))).toMatchObject({ status: 'rejected', decisionComment: '抬头有误' });
    expect((await figures(r2.id)).uninvoiced).toBe('3650.00');
  });

  it('finance approves in the approval engine; the rep cannot', async () => {
    const req = ok(await w.rep.get(`/api/v1/invoice-requests/${requestId}`));
    expect((await w.rep.post(`/api/v1/approvals/${req.approvalId}/approve`, {})).status).toBe(403);
    ok(await w.finance.post(`/api/v1/approvals/${req.approvalId}/approve`, { comment: '信息无误' }));
    expect(ok(await w.rep.get(`/api/v1/invoice-requests/${requestId}`))).toMatchObject({ status: 'approved', approvalId: null });
  });

  it('is out of sight of another team and another tenant', async () => {
    expect((await w.repNorth.get(`/api/v1/invoice-requests/${requestId}`)).status).toBe(404);
    expect((await w.repNorth.get('/api/v1/invoice-requests')).body.items).toEqual([]);
    expect((await w.repNorth.get(`/api/v1/receivables/${r1.id}/invoicing`)).status).toBe(404);
  });
});

describe('the tax platform: batch workbook out, issued invoices back in', () => {
  it('exports the approved request, one row per line, its number in the remarks', async () => {
    const res = await fetch(`${w.baseUrl}/api/v1/invoice-requests/batch.xlsx`, { headers: { authorization: `Bearer ${w.finance.token}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const mine = rows.filter((r) => r?.[1] === requestNumber);
    expect(mine).toHaveLength(2);
    expect(mine[0]![13]).toBe('10000.00'); // 金额 without tax
    expect(mine[0]![15]).toBe('1300.00');
    expect(String(mine[0]![17])).toContain(requestNumber);
  });

  it('names the columns as the tenant\'s platform template does, and leaves out the ones it has not', async () => {
    const settings = ok(await w.finance.get('/api/v1/invoice-settings'));
    ok(await call(w.baseUrl, 'PUT', '/api/v1/invoice-settings', { token: w.finance.token, body: {
      seller: settings.seller, importMapping: settings.importMapping, batchHeaders: { remarks: '备注（含申请单号）', unit: null, priceIncludesTax: null },
    } }));
    const res = await fetch(`${w.baseUrl}/api/v1/invoice-requests/batch.xlsx`, { headers: { authorization: `Bearer ${w.finance.token}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toHaveLength(15);
    expect(header).not.toContain('单位');
    expect(header[header.length - 1]).toBe('备注（含申请单号）');
    const row = (wb.worksheets[0]!.getSheetValues() as unknown[][]).find((r) => r?.[1] === requestNumber)!;
    expect(String(row[15])).toContain(requestNumber);
    ok(await call(w.baseUrl, 'PUT', '/api/v1/invoice-settings', { token: w.finance.token, body: { seller: settings.seller, importMapping: settings.importMapping } }));
  });

  it('imports the platform export through the saved mapping; a second import creates nothing', async () => {
    const file = await platformExport([
      [BLUE_NO, '2026-12-06', '13300.00', `${requestNumber} 项目一期`],
      [BLUE_NO, '2026-12-06', '13300.00', `${requestNumber} 项目一期`], // the second line row of the same invoice
      ['123', '2026-12-06', '1.00', 'KP-2026-999999'],
    ]);
    const first = ok(await upload(w.finance, '/api/v1/invoices/import', file));
    expect(first).toMatchObject({ rows: 2, created: 1, alreadyIssued: 0 });
    expect(first.errors).toEqual([{ row: 5, message: 'invoice number "123" is not 20 digits' }]);
    const second = ok(await upload(w.finance, '/api/v1/invoices/import', file));
    expect(second).toMatchObject({ created: 0, alreadyIssued: 1 });
    const req = ok(await w.rep.get(`/api/v1/invoice-requests/${requestId}`));
    expect(req.status).toBe('issued');
    expect(req.invoice.number).toBe(BLUE_NO);
    invoiceId = req.invoice.id;
    const inv = ok(await w.rep.get(`/api/v1/invoices/${invoiceId}`));
    expect(inv).toMatchObject({ color: 'blue', source: 'import', issueDate: '2026-12-06', amountInclTax: '13300.00', taxAmount: '1413.21', seller: { name: '杭州云帆智能科技有限公司', taxpayerId: '91330100MA2XXXXXX1' } });
    expect(await figures(r1.id)).toMatchObject({ requested: '0.00', invoiced: '11300.00', uninvoiced: '0.00' });
    expect(await figures(r2.id)).toMatchObject({ requested: '0.00', invoiced: '2000.00', uninvoiced: '3650.00' });
    // Recording the same number by hand again is a no-op; another request cannot take it.
    expect(ok(await w.finance.post(`/api/v1/invoice-requests/${requestId}/issue`, { number: BLUE_NO, issueDate: '2026-12-06' })).created).toBe(false);
  });

  it('gives the customer a PDF', async () => {
    const res = await fetch(`${w.baseUrl}/api/v1/invoices/${invoiceId}/pdf`, { headers: { authorization: `Bearer ${w.rep.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('red-letter invoices 红字发票', () => {
  let confirmationId: string;

  it('reverses part of one line through a confirmation, never more than is left', async () => {
    const tooMuch = await w.finance.post(`/api/v1/invoices/${invoiceId}/red-confirmations`, { reason: 'sales_return', lines: [{ seq: 1, amount: '11300.01' }] });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.errors[0]).toEqual({ path: 'lines.0.amount', message: 'at most 11300.00 of line 1 is left to reverse' });
    const rc = ok(await w.finance.post(`/api/v1/invoices/${invoiceId}/red-confirmations`, { reason: 'sales_return', receivableId: r1.id, lines: [{ seq: 1, amount: '1130.00' }] }), 201);
    expect(rc).toMatchObject({ status: 'pending', amountInclTax: '1130.00', taxAmount: '130.00', amountExclTax: '1000.00' });
    expect(rc.number).toMatch(/^HZ-/);
    confirmationId = rc.id;
    // What is left of the blue invoice, in full, and then nothing more.
    const rest = ok(await w.finance.post(`/api/v1/invoices/${invoiceId}/red-confirmations`, { reason: 'error' }), 201);
    expect(rest).toMatchObject({ amountInclTax: '12170.00', taxAmount: '1283.21' });
    expect((await w.finance.post(`/api/v1/invoices/${invoiceId}/red-confirmations`, { reason: 'error' })).status).toBe(409);
    ok(await w.finance.post(`/api/v1/red-confirmations/${rest.id}/cancel`, {}));
    expect(ok(await w.rep.get(`/api/v1/invoices/${invoiceId}`)).redAmount).toBe('1130.00');
  });

  it('issues the red invoice once confirmed: negative lines, the receivable uninvoiced again by that much', async () => {
    expect((await w.finance.post(`/api/v1/red-confirmations/${confirmationId}/issue`, { number: RED_NO, issueDate: '2026-12-07' })).status).toBe(409);
    ok(await w.finance.post(`/api/v1/red-confirmations/${confirmationId}/confirm`, {}));
    const out = ok(await w.finance.post(`/api/v1/red-confirmations/${confirmationId}/issue`, { number: RED_NO, issueDate: '2026-12-07' }));
    expect(out.invoice).toMatchObject({ color: 'red', number: RED_NO, amountInclTax: '-1130.00', taxAmount: '-130.00', blueInvoice: { number: BLUE_NO } });
    expect(out.invoice.lines[0]).toMatchObject({ name: '工业物联网网关', amountExclTax: '-1000.00', taxAmount: '-130.00' });
    expect(ok(await w.finance.post(`/api/v1/red-confirmations/${confirmationId}/issue`, { number: RED_NO, issueDate: '2026-12-07' })).created).toBe(false);
    expect(await figures(r1.id)).toMatchObject({ invoiced: '10170.00', uninvoiced: '1130.00' });
    const list = ok(await w.rep.get(`/api/v1/invoices?receivableId=${r1.id}`));
    expect(list.items.map((i: { color: string }) => i.color).sort()).toEqual(['blue', 'red']);
  });

  it('audits every status change', async () => {
    const audit = ok(await w.admin.get(`/api/v1/audit?entityType=invoice_request&entityId=${requestId}`));
    expect(audit.items.map((e: { action: string }) => e.action).reverse()).toEqual(expect.arrayContaining(['create', 'approve', 'issue']));
    const rc = ok(await w.admin.get(`/api/v1/audit?entityType=red_confirmation&entityId=${confirmationId}`));
    expect(rc.items.map((e: { action: string }) => e.action).sort()).toEqual(['confirm', 'create', 'issue']);
  });
});
