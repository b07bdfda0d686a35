// A tenant's data export over HTTP: an admin downloads the zip, which holds one CSV per tenant table with the row
// counts the database has, checksums that match, a money column whose sum is the database's, no password or token
// hash, the personal-data fields listed; other roles are refused; the download is audited; the operator's CLI path
// (exportTenant to a file) gives the same manifest.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { Decimal } from 'decimal.js';
import { asSystem } from '../src/platform/db.js';
import { exportTenant, type ExportManifest } from '../src/platform/export.js';
import { tenantTables } from '../src/platform/export.sql.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

const h = await testApp();
let t: TestTenant;
let admin: Client;

/** RFC 4180 rows of a CSV text (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  return rows;
}

beforeAll(async () => {
  t = await makeTenant(h.db);
  admin = await login(h.baseUrl, t.users.admin, t.slug);
  const finance = await login(h.baseUrl, t.users.finance, t.slug);
  for (let i = 0; i < 3; i++) {
    const c = await admin.post('/api/v1/customers', { name: `导出测试客户${i}有限公司`, phone: `0571-8888${1000 + i}`, address: '浙江省杭州市西湖区文三路 1 号, "A" 座' });
    expect(c.status).toBe(201);
    for (const amount of ['1000.10', '2500.55']) {
      expect((await finance.post('/api/v1/receivables', { customerId: c.body.id, amount, taxAmount: '0.00', dueDate: '2026-12-31', reason: '期初应收导入' })).status).toBe(201);
    }
    expect((await finance.post('/api/v1/payments', { customerId: c.body.id, amount: '1200.00', currency: 'CNY', receivedOn: '2026-11-20', confirm: true, autoApply: 'oldest_due' })).status).toBe(201);
  }
  // another tenant's rows must not appear
  const other = await makeTenant(h.db);
  const otherAdmin = await login(h.baseUrl, other.users.admin, other.slug);
  expect((await otherAdmin.post('/api/v1/customers', { name: '别家租户客户有限公司' })).status).toBe(201);
});

describe('GET /api/v1/exports/tenant', () => {
  let zip: JSZip;
  let manifest: ExportManifest;

  beforeAll(async () => {
    const res = await fetch(`${h.baseUrl}/api/v1/exports/tenant`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="l2c-tenant-export-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(Number(res.headers.get('x-l2c-export-rows'))).toBeGreaterThan(0);
    zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  });

  it('holds every tenant table, with the row counts the database has for the tenant', async () => {
    const tables = (await tenantTables(h.db.kysely)).map((x) => x.table);
    expect(manifest.files.map((f) => f.table)).toEqual(tables);
    expect(tables).toEqual(expect.arrayContaining(['customers', 'receivables', 'payments', 'allocations', 'account_entries', 'audit_log', 'users']));
    const counts = await asSystem(h.db, async (tx) => {
      const out: Record<string, number> = {};
      for (const table of tables) out[table] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where tenant_id = ${t.tenantId}`.execute(tx)).rows[0]!.n;
      return out;
    });
    for (const f of manifest.files) {
      const rows = parseCsv(await zip.file(f.file)!.async('string'));
      expect(rows[0], f.table).toEqual(f.columns);
      expect(rows.length - 1, f.table).toBe(f.rows);
      // the audit row of this very export is written before its pages are read
      expect(f.rows, f.table).toBe(counts[f.table]);
    }
    expect(manifest.files.find((f) => f.table === 'customers')!.rows).toBe(3);
    expect(manifest.files.find((f) => f.table === 'receivables')!.rows).toBe(6);
    expect(manifest.tenant.slug).toBe(t.slug);
    expect(manifest.totalRows).toBe(manifest.files.reduce((s, f) => s + f.rows, 0));
  });

  it('checksums match the files, and SHA256SUMS lists them and the manifest', async () => {
    for (const f of manifest.files) {
      const bytes = await zip.file(f.file)!.async('nodebuffer');
      expect(crypto.createHash('sha256').update(bytes).digest('hex'), f.file).toBe(f.sha256);
      expect(bytes.length).toBe(f.bytes);
    }
    const sums = (await zip.file('SHA256SUMS')!.async('string')).trim().split('\n');
    expect(sums).toHaveLength(manifest.files.length + 1);
    const manifestBytes = await zip.file('manifest.json')!.async('nodebuffer');
    expect(sums.at(-1)).toBe(`${crypto.createHash('sha256').update(manifestBytes).digest('hex')}  manifest.json`);
  });

  it('money is exact: the receivables amounts and open amounts sum to the database totals', async () => {
    const rows = parseCsv(await zip.file('receivables.csv')!.async('string'));
    const [header, ...data] = rows;
    const col = (name: string) => header!.indexOf(name);
    const sum = (name: string) => data.reduce((s, r) => s.plus(r[col(name)]!), new Decimal(0)).toFixed(2);
    const db = await asSystem(h.db, async (tx) => (await sql<{ amount: string; open: string }>`select sum(amount)::text as amount, sum(amount_open)::text as open
      from receivables where tenant_id = ${t.tenantId}`.execute(tx)).rows[0]!);
    expect(sum('amount')).toBe('10501.95'); // 3 × (1000.10 + 2500.55)
    expect(sum('amount')).toBe(new Decimal(db.amount).toFixed(2));
    expect(sum('amount_open')).toBe(new Decimal(db.open).toFixed(2));
    expect(sum('amount_open')).toBe('6901.95'); // 3 × 1200.00 applied
    const allocations = parseCsv(await zip.file('allocations.csv')!.async('string'));
    const amountCol = allocations[0]!.indexOf('amount');
    expect(allocations.slice(1).reduce((s, r) => s.plus(r[amountCol]!), new Decimal(0)).toFixed(2)).toBe('3600.00');
  });

  it('never holds a password or token hash, and lists the personal-data fields', async () => {
    const users = parseCsv(await zip.file('users.csv')!.async('string'));
    expect(users[0]).not.toContain('password_hash');
    expect(users).toHaveLength(10); // header + the 9 users of the tenant
    const tokens = manifest.files.find((f) => f.table === 'auth_tokens');
    if (tokens) {
      expect(tokens.columns).not.toContain('token_hash');
      expect(tokens.columns).not.toContain('csrf_hash');
    }
    for (const f of manifest.files) {
      const text = await zip.file(f.file)!.async('string');
      expect(text, f.file).not.toMatch(/\$argon2/);
    }
    expect(manifest.secretsOmitted.users).toEqual(['password_hash']);
    expect(manifest.personalData.customers).toEqual(expect.arrayContaining(['name', 'phone', 'address']));
    expect(manifest.personalData.users).toEqual(['email', 'name']);
    // a quoted address with a comma and quotes comes back whole
    const customers = parseCsv(await zip.file('customers.csv')!.async('string'));
    expect(customers[1]![customers[0]!.indexOf('address')]).toBe('浙江省杭州市西湖区文三路 1 号, "A" 座');
  });

  it('has nothing of another tenant', async () => {
    const text = await zip.file('customers.csv')!.async('string');
    expect(text).not.toContain('别家租户客户有限公司');
  });

  it('is audited', async () => {
    const audit = await admin.get('/api/v1/audit?entityType=tenant');
    expect(audit.status).toBe(200);
    expect(audit.body.items.some((e: { action: string; entityId: string }) => e.action === 'export' && e.entityId === t.tenantId)).toBe(true);
  });

  it('is for admins only', async () => {
    for (const who of ['finance', 'exec', 'repEast'] as const) {
      const c = await login(h.baseUrl, t.users[who], t.slug);
      const res = await c.get('/api/v1/exports/tenant');
      expect(res.status, who).toBe(403);
    }
    expect((await fetch(`${h.baseUrl}/api/v1/exports/tenant`)).status).toBe(401);
  });
});

describe('the operator export (npm run export-tenant)', () => {
  it('writes the same tables and counts, paging through more rows than one page', async () => {
    const chunks: Buffer[] = [];
    const progress: number[] = [];
    const { zip, done, rowsTotal } = await exportTenant(h.db, { tenantId: t.tenantId, userId: null }, (p) => progress.push(p.rowsDone), 2); // pages of 2 rows: the keyset walks composite keys
    const ended = new Promise((r) => zip.once('end', r));
    zip.on('data', (c: Buffer) => chunks.push(c));
    const manifest = await done;
    await ended;
    expect(manifest.totalRows).toBe(rowsTotal);
    expect(progress.at(-1)).toBe(rowsTotal);
    const z = await JSZip.loadAsync(Buffer.concat(chunks));
    expect(Object.keys(z.files).sort()).toEqual([...manifest.files.map((f) => f.file), 'SHA256SUMS', 'manifest.json'].sort());
    const receivables = parseCsv(await z.file('receivables.csv')!.async('string'));
    expect(receivables).toHaveLength(7);
    expect(new Set(receivables.slice(1).map((r) => r[receivables[0]!.indexOf('id')])).size).toBe(6); // no row twice, none skipped across pages
  });
});
