// Contracts end to end through HTTP: exact amounts and plans, drafts with versions, the compliance check, signing
// with the file's SHA-256 and locked terms, receivables on signing and delivery, and data scope.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMoney } from '@l2c/shared';
import { sql } from 'kysely';
import { asSystem, inTenant } from '../src/platform/db.js';
import { dueInstalments } from '../src/domains/contracts/index.js';
import { approvedContract, contractsWorld, createContract, newCustomer, orderBody, setCredit, signBody, SIGNED_PDF, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;
let customerId: string;

beforeAll(async () => {
  w = await contractsWorld();
  customerId = await newCustomer(w.rep);
  await setCredit(w.db, w.t.tenantId, customerId, '10000000.00', 60);
});

describe('drafting a contract', () => {
  it('computes lines, totals and a 30/60/10 plan to the cent, with a HT number and an audit entry', async () => {
    const c = await createContract(w.rep, orderBody(customerId, {
      lines: [{ description: '伺服电机 SM-80', quantity: '3', unitPrice: '1130.00', taxRate: '0.13', discountRate: '0.05' }],
      planTemplate: 'standard_30_60_10',
    }));
    expect(c.number).toMatch(/^HT-\d{4}-\d{6}$/);
    expect(c).toMatchObject({ status: 'draft', version: 1, amountExclTax: '2850.00', taxAmount: '370.50', amountInclTax: '3220.50', maxDiscountRate: '0.05', termsLocked: false });
    expect(c.lines[0]).toMatchObject({ quantity: '3', unitPrice: '1130.00', discountRate: '0.05', taxRate: '0.13', amountExclTax: '2850.00', taxAmount: '370.50', amountInclTax: '3220.50' });
    // 30% / 60% / 10% of 3,220.50 and of its tax 370.50
    expect(c.instalments.map((i: { amount: string }) => i.amount)).toEqual(['966.15', '1932.30', '322.05']);
    expect(c.instalments.map((i: { taxAmount: string }) => i.taxAmount)).toEqual(['111.15', '222.30', '37.05']);
    expect(c.instalments.map((i: { trigger: string }) => i.trigger)).toEqual(['on_signing', 'on_delivery', 'on_acceptance']);
    expect(c.instalments[0].owner).toEqual({ id: w.t.users.repEast.id, name: 'repEast' });
    const audit = await w.manager.get(`/api/v1/audit?entityType=contract&entityId=${c.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['create']);
    // a rep reads the history of their own contract too
    expect((await w.rep.get(`/api/v1/audit?entityType=contract&entityId=${c.id}`)).status).toBe(200);
  });

  it('a 30/60/10 plan by dates of ¥10,000.01 adds back to the cent (the odd cent goes to the largest remainder)', async () => {
    const c = await createContract(w.rep, orderBody(customerId, {
      lines: [{ description: '年度维保服务', quantity: '1', unitPrice: '10000.01', taxRate: '0.06' }], planTemplate: null,
      instalments: [
        { trigger: 'date', dueDate: '2026-04-01', percent: '30' },
        { trigger: 'date', dueDate: '2026-07-01', percent: '60' },
        { trigger: 'date', dueDate: '2026-10-01', percent: '10' },
      ],
    }));
    // exact shares 3000.003 / 6000.006 / 1000.001: floors add to 10000.00, the remaining cent goes to the 60%
    expect(c.instalments.map((i: { amount: string }) => i.amount)).toEqual(['3000.00', '6000.01', '1000.00']);
    expect(addMoney(c.instalments.map((i: { amount: string }) => i.amount), 'CNY')).toBe('10000.01');
    // 10,000.01 / 1.06 = 9,433.9717 → 9,433.97 without tax; tax 566.04, split by the amounts 169.81 / 339.63 / 56.60
    expect(c).toMatchObject({ amountExclTax: '9433.97', taxAmount: '566.04' });
    expect(c.instalments.map((i: { taxAmount: string }) => i.taxAmount)).toEqual(['169.81', '339.63', '56.60']);
  });

  it('edits a draft with its version, recomputing the plan; a stale version is a 409', async () => {
    const c = await createContract(w.rep, orderBody(customerId, { planTemplate: 'standard_30_60_10' }));
    const upd = await w.rep.patch(`/api/v1/contracts/${c.id}`, { version: 1, lines: [{ description: '数控机床 CK6150', quantity: '2', unitPrice: '113000.00', taxRate: '0.13' }] });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ version: 2, amountExclTax: '200000.00', taxAmount: '26000.00', amountInclTax: '226000.00' });
    expect(upd.body.instalments.map((i: { amount: string }) => i.amount)).toEqual(['67800.00', '135600.00', '22600.00']);
    const stale = await w.rep.patch(`/api/v1/contracts/${c.id}`, { version: 1, title: '改名' });
    expect(stale.status).toBe(409);
    const audit = await w.manager.get(`/api/v1/audit?entityType=contract&entityId=${c.id}&action=update`);
    expect(audit.body.items[0].changes).toContainEqual({ field: 'amountInclTax', before: '113000.00', after: '226000.00' });
  });

  it('names every bad field: unknown tax rate, an instalment with both amount and percent', async () => {
    const res = await w.rep.post('/api/v1/contracts', orderBody(customerId, {
      lines: [{ description: 'x', quantity: '1', unitPrice: '10', taxRate: '0.17' }],
      instalments: [{ trigger: 'date', dueDate: '2026-05-01', amount: '5.00', percent: '50' }],
    }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['lines.0.taxRate', 'instalments.0.amount']));
  });

  it('framework agreements carry a price list and commit no amount; order contracts may call them off', async () => {
    const f = await createContract(w.rep, { kind: 'framework', customerId, title: '2026 年度框架协议', productScope: '机床及配件', rebateTerms: '年采购额超 500 万返 2%',
      lines: [{ description: '协议价 CK6150', quantity: '1', unitPrice: '105000.00', taxRate: '0.13' }], periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    expect(f).toMatchObject({ kind: 'framework', amountInclTax: '0.00', instalments: [] });
    expect(f.lines[0].amountInclTax).toBe('105000.00');
    const call = await createContract(w.rep, orderBody(customerId, { frameworkId: f.id }));
    expect(call.framework).toEqual({ id: f.id, number: f.number });
    // the framework is not signed yet, so the call-off does not pass compliance
    const sub = await w.rep.post(`/api/v1/contracts/${call.id}/submit`, {});
    expect(sub.status).toBe(422);
    expect(sub.body.errors).toContainEqual(expect.objectContaining({ path: 'frameworkId' }));
  });
});

describe('compliance before approval', () => {
  it('a 90-day payment term against the customer\'s allowed 30 blocks submit with a 422 naming the field', async () => {
    const strict = await newCustomer(w.rep);
    await setCredit(w.db, w.t.tenantId, strict, '5000000.00', 30);
    const c = await createContract(w.rep, orderBody(strict, { paymentTermDays: 90 }));
    const res = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, { version: 1 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('contracts.compliance_failed');
    expect(res.body.errors).toEqual([{ path: 'paymentTermDays', message: '90 days is longer than the customer\'s allowed 30 days' }]);
    expect((await w.rep.get(`/api/v1/contracts/${c.id}`)).body.status).toBe('draft');
    const check = await w.rep.get(`/api/v1/contracts/${c.id}/compliance`);
    expect(check.body).toMatchObject({ passed: false, allowedTermDays: 30, creditLimit: '5000000.00' });
  });

  it('without a credit profile the allowed term is 30 days; a missing plan and a plan that does not add up block too', async () => {
    const bare = await newCustomer(w.rep);
    const c = await createContract(w.rep, orderBody(bare, { planTemplate: null, paymentTermDays: 45 }));
    let res = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['instalments', 'paymentTermDays']);
    await w.rep.patch(`/api/v1/contracts/${c.id}`, { version: 1, paymentTermDays: 30, instalments: [{ trigger: 'on_signing', amount: '100000.00' }] });
    res = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'instalments', message: 'the instalments add to 100000.00, the contract total is 113000.00' }]);
  });
});

describe('signing', () => {
  it('stores the signed file\'s SHA-256, books the on-signing instalment and locks the terms (409 on PATCH)', async () => {
    const c = await approvedContract(w, orderBody(customerId, { planTemplate: 'standard_30_60_10' }));
    const early = await w.rep.post(`/api/v1/contracts/${c.id}/sign`, { ...signBody(), signedOn: 'yesterday' });
    expect(early.status).toBe(400);
    const res = await w.rep.post(`/api/v1/contracts/${c.id}/sign`, signBody(c.version));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const sha = crypto.createHash('sha256').update(SIGNED_PDF).digest('hex');
    expect(res.body).toMatchObject({ status: 'signed', signedOn: '2026-03-02', termsLocked: true });
    expect(res.body.signedFile).toMatchObject({ name: '合同-已签.pdf', size: SIGNED_PDF.length, sha256: sha });
    expect(res.body.signatories).toHaveLength(2);
    const first = res.body.instalments[0];
    expect(first).toMatchObject({ trigger: 'on_signing', triggeredOn: '2026-03-02', amount: '33900.00' });
    expect(first.receivableId).toBeTruthy();
    expect(res.body.instalments[1].receivableId).toBeNull();

    const patch = await w.rep.patch(`/api/v1/contracts/${c.id}`, { version: res.body.version, title: '签后改名' });
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('contracts.terms_locked');
    const again = await w.rep.post(`/api/v1/contracts/${c.id}/sign`, signBody());
    expect(again.status).toBe(409);

    const file = await fetch(`${w.baseUrl}/api/v1/contracts/${c.id}/file`, { headers: { authorization: `Bearer ${w.rep.token}` } });
    expect(file.headers.get('x-content-sha256')).toBe(sha);
    expect(Buffer.from(await file.arrayBuffer()).equals(SIGNED_PDF)).toBe(true);
    const audit = await w.manager.get(`/api/v1/audit?entityType=contract&entityId=${c.id}&action=sign`);
    expect(audit.body.items[0].changes).toContainEqual({ field: 'signedFile', before: null, after: { name: '合同-已签.pdf', size: SIGNED_PDF.length, sha256: sha } });
  });

  it('accepts the signed file as multipart', async () => {
    const c = await approvedContract(w, orderBody(customerId));
    const form = new FormData();
    form.append('signedOn', '2026-03-05');
    form.append('signatories', JSON.stringify([{ name: '赵敏', party: 'customer' }]));
    form.append('file', new Blob([SIGNED_PDF], { type: 'application/pdf' }), 'scan.pdf');
    const res = await fetch(`${w.baseUrl}/api/v1/contracts/${c.id}/sign`, { method: 'POST', body: form, headers: { authorization: `Bearer ${w.rep.token}` } });
    const body = await res.json() as { status: string; signedFile: { sha256: string; name: string } };
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.signedFile).toMatchObject({ name: 'scan.pdf', sha256: crypto.createHash('sha256').update(SIGNED_PDF).digest('hex') });
  });

  it('a delivery books the on-delivery instalment and puts the contract in performance', async () => {
    const c = await approvedContract(w, orderBody(customerId, { planTemplate: 'standard_30_60_10' }));
    await w.rep.post(`/api/v1/contracts/${c.id}/sign`, signBody());
    const res = await w.rep.post(`/api/v1/contracts/${c.id}/deliveries`, { instalmentId: c.instalments[1].id, deliveredOn: '2026-04-10' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('in_performance');
    expect(res.body.instalments[1]).toMatchObject({ triggeredOn: '2026-04-10' });
    expect(res.body.instalments[1].receivableId).toBeTruthy();
    const twice = await w.rep.post(`/api/v1/contracts/${c.id}/deliveries`, { instalmentId: c.instalments[1].id });
    expect(twice.status).toBe(404);
    const accepted = await w.rep.post(`/api/v1/contracts/${c.id}/deliveries`, { milestone: 'acceptance', deliveredOn: '2026-05-10' });
    expect(accepted.body.instalments[2].receivableId).toBeTruthy();
    const done = await w.rep.post(`/api/v1/contracts/${c.id}/status`, { status: 'completed' });
    expect(done.body.status).toBe('completed');
  });
});

describe('performance monitoring', () => {
  it('lists instalments whose date passed unfulfilled, and the daily job notifies once per day', async () => {
    const c = await approvedContract(w, orderBody(customerId, { planTemplate: null, instalments: [
      { trigger: 'date', dueDate: '2026-03-10', percent: '50' },
      { trigger: 'on_delivery', dueDate: '2026-03-20', percent: '50', dueDaysAfterTrigger: 15 },
    ] }));
    await w.rep.post(`/api/v1/contracts/${c.id}/sign`, signBody());
    const alerts = await w.rep.get('/api/v1/contracts/alerts?asOf=2026-04-01');
    const mine = alerts.body.items.filter((a: { contract: { id: string } }) => a.contract.id === c.id);
    expect(mine.map((a: { kind: string; daysLate: number }) => [a.kind, a.daysLate])).toEqual([['not_invoiced', 22], ['delivery_late', 12]]);
    expect((await w.repNorth.get('/api/v1/contracts/alerts?asOf=2026-04-01')).body.items.some((a: { contract: { id: string } }) => a.contract.id === c.id)).toBe(false);

    const due = await inTenant(w.db, { tenantId: w.t.tenantId, userId: null }, (tx) => dueInstalments(tx, '2026-03-31'));
    expect(due.filter((d) => d.contractId === c.id)).toEqual([expect.objectContaining({
      source: 'plan_date', sourceKey: `instalment:${c.instalments[0].id}`, amount: '56500.00', businessDate: '2026-03-10', dueDate: '2026-03-10',
    })]);

    const { runPerformanceAlerts } = await import('../src/domains/contracts/index.js');
    // The job runs over every tenant of the shared database (other test files run it too, on PostgreSQL at the same
    // time), so count this contract's notices rather than the run's totals.
    const notices = async () => (await asSystem(w.db, (tx) => sql<{ kind: string; n: number }>`
      select kind, count(*)::int as n from notifications where tenant_id = ${w.t.tenantId} and entity_id = ${c.id} and kind like 'contract.%'
      group by kind order by kind`.execute(tx))).rows;
    await runPerformanceAlerts(w.db, new Date('2026-04-01T02:00:00Z'));
    expect(await notices()).toEqual([{ kind: 'contract.delivery_late', n: 1 }, { kind: 'contract.not_invoiced', n: 1 }]);
    await runPerformanceAlerts(w.db, new Date('2026-04-01T09:00:00Z')); // the same business day: nothing new
    expect(await notices()).toEqual([{ kind: 'contract.delivery_late', n: 1 }, { kind: 'contract.not_invoiced', n: 1 }]);
  });
});

describe('data scope', () => {
  it('a contract follows its owner: another team\'s rep gets a 404, the manager sees the team\'s', async () => {
    const c = await createContract(w.repSub, orderBody(await newCustomer(w.repSub)));
    expect((await w.repNorth.get(`/api/v1/contracts/${c.id}`)).status).toBe(404);
    expect((await w.manager.get(`/api/v1/contracts/${c.id}`)).status).toBe(200);
    expect((await w.managerNorth.get(`/api/v1/contracts?customerId=${c.customer.id}`)).body.items).toHaveLength(0);
    expect((await w.finance.patch(`/api/v1/contracts/${c.id}`, { version: 1, title: '财务改名' })).status).toBe(403);
    expect((await w.repNorth.post('/api/v1/contracts', orderBody(customerId))).status).toBe(400);
  });
});
