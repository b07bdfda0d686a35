// Receipt files of payments 回款凭证 over real HTTP: a rep attaches the bank receipt 银行回单 to the payment she
// registered (multipart or JSON base64), it comes back byte for byte with its SHA-256 and a Chinese file name, its
// visibility follows the payment's data scope and the tenant, only evidence types are accepted, the rows are
// append-only for the application role, and every attachment is on the payment's audit trail.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../src/platform/db.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let h: Awaited<ReturnType<typeof testApp>>;
let t: TestTenant;
let rep: Client;
let finance: Client;
let exec: Client;
let manager: Client;
let otherRep: Client;
let otherTenant: Client;
let paymentId: string;

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const png = (seed: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR-${seed}`)]);

/** POST one file as multipart/form-data in the part named "file". */
async function upload(client: Client, id: string, name: string, content: Buffer, type = 'application/pdf', field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(content)], { type }), name);
  const res = await fetch(`${h.baseUrl}/api/v1/payments/${id}/files`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form });
  const text = await res.text();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body, headers: res.headers };
}

async function download(client: Client, path: string) {
  const res = await fetch(`${h.baseUrl}${path}`, { headers: { authorization: `Bearer ${client.token}` } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

async function newPayment(by: Client, customerId: string, amount: string) {
  const res = await by.post('/api/v1/payments', { customerId, amount, receivedOn: '2026-11-20', payerName: '杭州回单测试科技有限公司' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  h = await testApp();
  t = await makeTenant(h.db);
  rep = await login(h.baseUrl, t.users.repEast);
  finance = await login(h.baseUrl, t.users.finance);
  exec = await login(h.baseUrl, t.users.exec);
  manager = await login(h.baseUrl, t.users.managerEast);
  otherRep = await login(h.baseUrl, t.users.repNorth);
  const other = await makeTenant(h.db);
  otherTenant = await login(h.baseUrl, other.users.finance);
  const customerId = (await rep.post('/api/v1/customers', { name: '杭州回单测试科技有限公司' })).body.id;
  paymentId = await newPayment(rep, customerId, '36000.00');
});

describe('payment receipt files', () => {
  const receipt = pdf('招商银行电子回单 CMB20261120001');
  let fileId: string;

  it('a rep uploads the bank receipt with a Chinese name; the SHA-256 is the content\'s', async () => {
    const res = await upload(rep, paymentId, '招商银行回单.pdf', receipt);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      name: '招商银行回单.pdf', contentType: 'application/pdf', size: receipt.length, sha256: sha256(receipt),
      uploadedBy: { id: t.users.repEast.id, name: 'repEast' },
    });
    expect(res.body.uploadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    fileId = res.body.id;
  });

  it('downloads identical bytes with the content type, an RFC 5987 file name and the SHA-256', async () => {
    const res = await download(rep, `/api/v1/payments/${paymentId}/files/${fileId}`);
    expect(res.status).toBe(200);
    expect(res.bytes.equals(receipt)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; /);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('招商银行回单.pdf')}`);
    expect(res.headers.get('x-content-sha256')).toBe(sha256(receipt));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lists the file, and the payment carries it in files and attachments', async () => {
    const list = await rep.get(`/api/v1/payments/${paymentId}/files`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: fileId, name: '招商银行回单.pdf', sha256: sha256(receipt) })]);
    const payment = (await rep.get(`/api/v1/payments/${paymentId}`)).body;
    expect(payment.files).toEqual(list.body.items);
    expect(payment.attachments).toEqual([{ name: '招商银行回单.pdf', sha256: sha256(receipt), size: receipt.length }]);
    const page = (await finance.get(`/api/v1/payments?q=${encodeURIComponent('杭州回单测试')}`)).body.items;
    expect(page.find((p: { id: string }) => p.id === paymentId).files.map((f: { id: string }) => f.id)).toEqual([fileId]);
  });

  it('accepts JSON with base64; the same content again returns the file already there', async () => {
    const image = png(1);
    const body = { fileName: '网银转账截图.png', contentType: 'image/png', contentBase64: image.toString('base64') };
    const first = await finance.post(`/api/v1/payments/${paymentId}/files`, body);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ contentType: 'image/png', size: image.length, sha256: sha256(image), uploadedBy: { id: t.users.finance.id } });
    const again = await finance.post(`/api/v1/payments/${paymentId}/files`, { ...body, fileName: '重复.png' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    // A generic declared type is fine: the extension and the content decide.
    const receipt2 = pdf('remittance advice');
    const generic = await upload(finance, paymentId, 'Remittance advice (HSBC).pdf', receipt2, 'application/octet-stream');
    expect(generic.status).toBe(201);
    expect(generic.body.contentType).toBe('application/pdf');
    const d = await download(finance, `/api/v1/payments/${paymentId}/files/${generic.body.id}`);
    expect(d.headers.get('content-disposition')).toContain("filename*=UTF-8''Remittance%20advice%20%28HSBC%29.pdf");
    expect((await rep.get(`/api/v1/payments/${paymentId}/files`)).body.items.map((f: { name: string }) => f.name))
      .toEqual(['招商银行回单.pdf', '网银转账截图.png', 'Remittance advice (HSBC).pdf']);
  });

  it('visibility follows the payment: a rep of another team and another tenant get 404', async () => {
    expect((await manager.get(`/api/v1/payments/${paymentId}/files`)).status).toBe(200); // the rep's manager
    for (const outsider of [otherRep, otherTenant]) {
      expect((await outsider.get(`/api/v1/payments/${paymentId}/files`)).status).toBe(404);
      expect((await download(outsider, `/api/v1/payments/${paymentId}/files/${fileId}`)).status).toBe(404);
      const up = await upload(outsider, paymentId, '伪造回单.pdf', pdf('forged'));
      expect(up.status).toBe(404);
      expect(up.body.code).toBe('payments.not_found');
    }
    // Its history: a 404 for the rep; another tenant's finance (audit:read) finds nothing.
    expect((await otherRep.get(`/api/v1/audit?entityType=payment&entityId=${paymentId}`)).status).toBe(404);
    expect((await otherTenant.get(`/api/v1/audit?entityType=payment&entityId=${paymentId}`)).body.items).toEqual([]);
    // Reading is not attaching: the executive may download but not upload.
    expect((await download(exec, `/api/v1/payments/${paymentId}/files/${fileId}`)).status).toBe(200);
    expect((await upload(exec, paymentId, '回单.pdf', pdf('exec'))).status).toBe(403);
    // A file id of another payment is not reachable through this one.
    const customerId = (await rep.get(`/api/v1/payments/${paymentId}`)).body.customer.id;
    const second = await newPayment(rep, customerId, '100.00');
    expect((await download(rep, `/api/v1/payments/${second}/files/${fileId}`)).status).toBe(404);
    expect((await download(rep, `/api/v1/payments/${paymentId}/files/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('refuses other kinds of file with a 400 naming the field', async () => {
    const exe = await upload(rep, paymentId, 'setup.exe', Buffer.from('MZ\x90\x00 this is not a receipt'), 'application/x-msdownload');
    expect(exe.status).toBe(400);
    expect(exe.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(exe.body).toMatchObject({ code: 'payments.file_type', errors: [{ path: 'file' }] });
    expect(exe.body.errors[0].message).toContain('.exe');

    const json = async (body: Record<string, unknown>) => rep.post(`/api/v1/payments/${paymentId}/files`, body);
    const exeJson = await json({ fileName: 'setup.exe', contentBase64: Buffer.from('MZ').toString('base64') });
    expect(exeJson.status).toBe(400);
    expect(exeJson.body.errors).toEqual([expect.objectContaining({ path: 'fileName' })]);
    const html = await json({ fileName: '回单.pdf', contentType: 'text/html', contentBase64: pdf('x').toString('base64') });
    expect(html.status).toBe(400);
    expect(html.body.errors).toEqual([expect.objectContaining({ path: 'contentType' })]);
    const mismatch = await json({ fileName: '回单.pdf', contentType: 'image/png', contentBase64: pdf('x').toString('base64') });
    expect(mismatch.body.errors).toEqual([expect.objectContaining({ path: 'contentType' })]);
    const disguised = await json({ fileName: '回单.pdf', contentBase64: Buffer.from('<html><script>alert(1)</script></html>').toString('base64') });
    expect(disguised.status).toBe(400);
    expect(disguised.body.errors).toEqual([expect.objectContaining({ path: 'contentBase64', message: 'the content is not a PDF file' })]);
    const notBase64 = await json({ fileName: '回单.pdf', contentBase64: '%%%not base64%%%' });
    expect(notBase64.body.errors).toEqual([expect.objectContaining({ path: 'contentBase64' })]);
    const missing = await json({ contentBase64: pdf('x').toString('base64') });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'fileName' })]);
    const wrongPart = await upload(rep, paymentId, '回单.pdf', pdf('x'), 'application/pdf', 'receipt');
    expect(wrongPart.status).toBe(400);
    expect(wrongPart.body.errors).toEqual([expect.objectContaining({ path: 'receipt' })]);
    expect((await rep.get(`/api/v1/payments/${paymentId}/files`)).body.items).toHaveLength(3);
  });

  it('refuses a file over 10 MB with a 413, as multipart and as JSON', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    pdf('big').copy(big);
    const multipart = await upload(rep, paymentId, '大文件.pdf', big);
    expect(multipart.status).toBe(413);
    expect(multipart.body).toMatchObject({ code: 'payments.file_too_large', errors: [{ path: 'file' }] });
    const json = await rep.post(`/api/v1/payments/${paymentId}/files`, { fileName: '大文件.pdf', contentBase64: big.toString('base64') });
    expect(json.status).toBe(413);
    expect(json.body.errors).toEqual([expect.objectContaining({ path: 'contentBase64' })]);
  });

  it('holds at most 20 files per payment', async () => {
    const customerId = (await rep.get(`/api/v1/payments/${paymentId}`)).body.customer.id;
    const id = await newPayment(rep, customerId, '200.00');
    for (let i = 0; i < 20; i++) {
      const res = await rep.post(`/api/v1/payments/${id}/files`, { fileName: `回单-${i}.png`, contentBase64: png(i).toString('base64') });
      expect(res.status).toBe(201);
    }
    const over = await rep.post(`/api/v1/payments/${id}/files`, { fileName: '回单-20.png', contentBase64: png(20).toString('base64') });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('payments.too_many_files');
  });

  it('the application role can read and add receipt files but never change or remove them', async () => {
    const actor = { tenantId: t.tenantId, userId: t.users.finance.id };
    const n = await inTenant(h.db, actor, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from payment_files where payment_id = ${paymentId}`.execute(tx)).rows[0]!.n);
    expect(n).toBe(3);
    await expect(inTenant(h.db, actor, (tx) => sql`update payment_files set file_name = 'x.pdf' where id = ${fileId}`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(inTenant(h.db, actor, (tx) => sql`update payment_files set content = ${Buffer.from('%PDF-forged')}`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(inTenant(h.db, actor, (tx) => sql`delete from payment_files where id = ${fileId}`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(inTenant(h.db, actor, (tx) => sql`truncate payment_files`.execute(tx))).rejects.toThrow(/permission denied/);
    // Another tenant's rows are invisible to it.
    const other = await makeTenant(h.db);
    const seen = await inTenant(h.db, { tenantId: other.tenantId, userId: null }, async (tx) =>
      (await sql<{ n: number }>`select count(*)::int as n from payment_files`.execute(tx)).rows[0]!.n);
    expect(seen).toBe(0);
    expect((await download(rep, `/api/v1/payments/${paymentId}/files/${fileId}`)).bytes.equals(receipt)).toBe(true);
  });

  it('every attachment is on the payment\'s audit trail with its name and SHA-256', async () => {
    const audit = await finance.get(`/api/v1/audit?entityType=payment&entityId=${paymentId}&action=attach_file`);
    expect(audit.status).toBe(200);
    const items = audit.body.items as Array<{ actor: { id: string }; changes: Array<{ field: string; before: unknown; after: { name: string; sha256: string } }> }>;
    expect(items).toHaveLength(3); // the repeated upload of the same content recorded nothing
    const first = items[items.length - 1]!;
    expect(first.actor.id).toBe(t.users.repEast.id);
    expect(first.changes).toEqual([{ field: 'attachments', before: null, after: { fileId, name: '招商银行回单.pdf', contentType: 'application/pdf', size: receipt.length, sha256: sha256(receipt) } }]);
    // The rep who can see the payment may read its history.
    expect((await rep.get(`/api/v1/audit?entityType=payment&entityId=${paymentId}`)).status).toBe(200);
  });

  it('the upload routes are in the OpenAPI document', async () => {
    const doc = (await fetch(`${h.baseUrl}/api/openapi.json`).then((r) => r.json())) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/v1/payments/{id}/files'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/payments/{id}/files/{fileId}'] ?? {})).toEqual(['get']);
  });
});
