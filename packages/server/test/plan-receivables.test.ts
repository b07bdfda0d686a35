// A payment plan's dated instalment becomes a receivable on its date — once, however often the daily job runs.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { asSystem } from '../src/platform/db.js';
import { bookDuePlanInstalments } from '../src/flows/plan-receivables/index.js';
import { contractsWorld, newCustomer } from './contracts-helpers.js';

describe('plan-date receivables', () => {
  it('books the instalments whose date has come, not the later ones, and never twice', async () => {
    const w = await contractsWorld();
    const customerId = await newCustomer(w.rep);
    const ids = await asSystem(w.db, async (tx) => {
      const k = (await sql<{ id: string }>`insert into contracts (tenant_id, number, kind, customer_id, title, status, amount_excl_tax, tax_amount, amount_incl_tax, signed_on, owner_id)
        values (${w.t.tenantId}, ${`HT-2026-${String(Date.now()).slice(-6)}`}, 'order', ${customerId}, '年度服务合同', 'in_performance', 100000.00, 6000.00, 106000.00, '2026-01-05', ${w.t.users.repEast.id})
        returning id`.execute(tx)).rows[0]!.id;
      const inst = async (seq: number, due: string, amount: string, tax: string) => (await sql<{ id: string }>`insert into contract_instalments
          (tenant_id, contract_id, seq, trigger, due_date, due_days_after_trigger, amount, tax_amount)
        values (${w.t.tenantId}, ${k}, ${seq}, 'date', ${due}, 15, ${amount}, ${tax}) returning id`.execute(tx)).rows[0]!.id;
      return { k, q1: await inst(1, '2026-03-31', '53000.00', '3000.00'), q2: await inst(2, '2026-06-30', '53000.00', '3000.00') };
    });
    const may = new Date('2026-05-10T02:00:00Z');
    const first = await bookDuePlanInstalments(w.db, may);
    expect(first.booked).toBeGreaterThanOrEqual(1);
    // Twice more at once for the same day: nothing new for this contract. (The job covers every tenant of the shared
    // database, and other test files book their own instalments meanwhile, so the runs' totals are not ours to assert.)
    await Promise.all([bookDuePlanInstalments(w.db, may), bookDuePlanInstalments(w.db, may)]);
    const list = (await w.finance.get(`/api/v1/receivables?contractId=${ids.k}`)).body.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ source: 'plan_date', amount: '53000.00', taxAmount: '3000.00', businessDate: '2026-03-31', dueDate: '2026-04-15', instalmentId: ids.q1 });
    await bookDuePlanInstalments(w.db, new Date('2026-07-01T02:00:00Z'));
    expect((await w.finance.get(`/api/v1/receivables?contractId=${ids.k}`)).body.items).toHaveLength(2);
  });
});
