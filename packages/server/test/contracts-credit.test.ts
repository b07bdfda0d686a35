// Credit control on contracts: the check runs under the customer's credit row lock in the transaction that commits
// the amount, so two approvals racing one limit cannot both pass; over-limit contracts are blocked or go to finance.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../src/platform/db.js';
import { approvedContract, contractsWorld, createContract, newCustomer, orderBody, setCredit, signBody, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;

beforeAll(async () => {
  w = await contractsWorld({ contracts: { overCredit: { default: 'approval', grades: { D: 'block' } } } });
});

describe('two approvals against one credit limit', () => {
  it('only one passes; the other is a 422 and stays waiting', async () => {
    const customerId = await newCustomer(w.rep);
    await setCredit(w.db, w.t.tenantId, customerId, '800000.00');
    // two contracts of ¥500,000.00 each: each fits the ¥800,000 limit alone, not both together
    const a = await createContract(w.rep, orderBody(customerId, {}, '1', '500000.00'));
    const b = await createContract(w.rep, orderBody(customerId, {}, '1', '500000.00'));
    const subA = await w.rep.post(`/api/v1/contracts/${a.id}/submit`, {});
    const subB = await w.rep.post(`/api/v1/contracts/${b.id}/submit`, {});
    expect([subA.body.approval.steps.length, subB.body.approval.steps.length]).toEqual([1, 1]); // manager only
    const results = await Promise.all([
      w.manager.post(`/api/v1/approvals/${subA.body.approval.id}/approve`, {}),
      w.manager.post(`/api/v1/approvals/${subB.body.approval.id}/approve`, {}),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    const lost = results.find((r) => r.status === 422)!;
    expect(lost.body.code).toBe('contracts.credit_exceeded');
    expect(lost.body.errors[0]).toMatchObject({ path: 'amountInclTax', message: 'needs 500000.00, available credit 300000.00 (limit 800000.00)' });
    const statuses = [await w.contractStatus(a.id), await w.contractStatus(b.id)].sort();
    expect(statuses).toEqual(['approved', 'in_approval']);
    // the loser's approval is still pending: nothing half-applied
    const loserRequest = results[0]!.status === 422 ? subA.body.approval.id : subB.body.approval.id;
    expect((await w.manager.get(`/api/v1/approvals/${loserRequest}`)).body.status).toBe('pending');
  });
});

describe('over the limit at submission', () => {
  it('with the approval policy the chain adds finance and the approval records the override', async () => {
    const customerId = await newCustomer(w.rep, 'B');
    await setCredit(w.db, w.t.tenantId, customerId, '100000.00');
    const c = await createContract(w.rep, orderBody(customerId)); // ¥113,000.00 > ¥100,000.00
    const sub = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect(sub.status).toBe(200);
    expect(sub.body.compliance.issues).toEqual([expect.objectContaining({ code: 'credit_exceeded', severity: 'approval', path: 'amountInclTax' })]);
    expect(sub.body.approval.steps.map((s: { name: string }) => s.name)).toEqual(['Manager', 'Finance']);
    await w.manager.post(`/api/v1/approvals/${sub.body.approval.id}/approve`, {});
    const fin = await w.finance.post(`/api/v1/approvals/${sub.body.approval.id}/approve`, { comment: '客户付款记录良好' });
    expect(fin.status).toBe(200);
    const got = await w.rep.get(`/api/v1/contracts/${c.id}`);
    expect(got.body).toMatchObject({ status: 'approved', creditOverride: true });
  });

  it('customers of a blocked grade cannot submit over the limit', async () => {
    const customerId = await newCustomer(w.rep, 'D');
    await setCredit(w.db, w.t.tenantId, customerId, '100000.00');
    const c = await createContract(w.rep, orderBody(customerId));
    const sub = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect(sub.status).toBe(422);
    expect(sub.body.errors).toEqual([{ path: 'amountInclTax', message: 'needs 113000.00, available credit 100000.00 (limit 100000.00)' }]);
  });

  it('signing checks credit again: a limit lowered after approval blocks the signature', async () => {
    const customerId = await newCustomer(w.rep, 'D');
    await setCredit(w.db, w.t.tenantId, customerId, '200000.00');
    const c = await approvedContract(w, orderBody(customerId));
    await setCredit(w.db, w.t.tenantId, customerId, '50000.00');
    const res = await w.rep.post(`/api/v1/contracts/${c.id}/sign`, signBody());
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('contracts.credit_exceeded');
    expect(await w.contractStatus(c.id)).toBe('approved');
  });

  it('a customer without a credit profile gets a default row on the first commitment', async () => {
    const customerId = await newCustomer(w.rep, 'B');
    const c = await createContract(w.rep, orderBody(customerId));
    const sub = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    for (const step of sub.body.approval.steps as Array<{ name: string }>) {
      const who = step.name === 'Finance' ? w.finance : w.manager;
      expect((await who.post(`/api/v1/approvals/${sub.body.approval.id}/approve`, {})).status).toBe(200);
    }
    const rows = await asSystem(w.db, async (tx) => (await sql<{ credit_limit: string }>`select credit_limit from credit_profiles where customer_id = ${customerId}`.execute(tx)).rows);
    expect(rows).toEqual([{ credit_limit: '0.00' }]);
  });
});

describe('available credit, one figure', () => {
  it('the customer accounts and the contract check show the same limit − open − committed (the credit domain computes both)', async () => {
    const customerId = await newCustomer(w.rep, 'B');
    await setCredit(w.db, w.t.tenantId, customerId, '800000.00');
    await approvedContract(w, orderBody(customerId, {}, '1', '500000.00')); // committed ¥500,000.00, nothing booked yet
    const draft = await createContract(w.rep, orderBody(customerId, {}, '1', '100000.00'));
    const compliance = await w.rep.get(`/api/v1/contracts/${draft.id}/compliance`);
    expect(compliance.status).toBe(200);
    expect(compliance.body).toMatchObject({ creditLimit: '800000.00', creditAvailable: '300000.00' });
    const accounts = await w.finance.get(`/api/v1/customers/${customerId}/accounts`);
    expect(accounts.status).toBe(200);
    expect(accounts.body).toMatchObject({ creditLimit: '800000.00', receivablesOpen: '0.00', creditAvailable: '300000.00' });
  });
});
