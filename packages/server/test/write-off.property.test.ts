// Property: under any sequence of receivables, payments, allocations (valid or not) and reversals, the books agree
// with a simple model in integer cents — nothing applied beyond what is open or unapplied, nothing negative, and
// per customer receivables = applied + open. Runs against the real engine and database.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { inTenant } from '../src/platform/db.js';
import type { AuthContext } from '../src/platform/auth.js';
import { DomainError } from '../src/platform/errors.js';
import { createCustomer } from '../src/domains/customers/index.js';
import { applyWriteOff, registerPayment, reverseWriteOff } from '../src/flows/write-off/write-off.flow.js';
import { createManualReceivable } from '../src/domains/receivables/receivables.service.js';
import { makeTenant, testApp } from './helpers.js';

const cents = (s: string) => Math.round(Number(s) * 100); // test-side only, on values the DB returned as exact strings
const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

type Op =
  | { op: 'receivable'; amount: number }
  | { op: 'payment'; amount: number }
  | { op: 'apply'; r: number; p: number; amount: number }
  | { op: 'applyMany'; p: number; parts: Array<{ r: number; amount: number }> }
  | { op: 'reverse'; w: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('receivable' as const), amount: fc.integer({ min: 1, max: 500_000 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('payment' as const), amount: fc.integer({ min: 1, max: 500_000 }) }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('apply' as const), r: fc.nat(20), p: fc.nat(20), amount: fc.integer({ min: 1, max: 300_000 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('applyMany' as const), p: fc.nat(20), parts: fc.array(fc.record({ r: fc.nat(20), amount: fc.integer({ min: 1, max: 100_000 }) }), { minLength: 2, maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), w: fc.nat(20) }) },
);

let h: Awaited<ReturnType<typeof testApp>>;
let auth: AuthContext;

beforeAll(async () => {
  h = await testApp();
  const t = await makeTenant(h.db);
  auth = { tenantId: t.tenantId, userId: t.users.finance.id, role: 'finance', teamId: null, scope: 'all', name: 'finance', tokenId: '', via: 'bearer', requestId: 'property' };
});

describe('write-off invariants', () => {
  it('hold for random sequences of operations', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 14 }), async (ops) => {
      run++;
      const customerId = (await createCustomer(h.db, auth as AuthContext, { name: `性质测试客户${run}号有限公司`, creditCode: null, industry: null, region: null, grade: null, source: 'manual', phone: null, address: null, website: null, remark: null, parentId: null, allowDuplicate: true, ownerId: undefined })).id;
      const model = { open: [] as number[], unapplied: [] as number[], writeOffs: [] as Array<{ id: string; lines: Array<{ r: number; p: number; amount: number }>; reversed: boolean }> };
      const rIds: string[] = [];
      const pIds: string[] = [];
      for (const op of ops) {
        if (op.op === 'receivable') {
          rIds.push((await createManualReceivable(h.db, auth, { customerId, contractId: null, amount: money(op.amount), taxAmount: '0.00', currency: 'CNY', dueDate: '2026-10-01', reason: 'property test' })).id);
          model.open.push(op.amount);
        } else if (op.op === 'payment') {
          pIds.push((await registerPayment(h.db, auth, { customerId, amount: money(op.amount), currency: 'CNY', receivedOn: '2026-11-01', method: 'bank_transfer', payerName: null, payerAccount: null, bankReference: null, remark: null, attachments: [], confirm: true, autoApply: null })).body.id);
          model.unapplied.push(op.amount);
        } else if (op.op === 'apply' || op.op === 'applyMany') {
          if (rIds.length === 0 || pIds.length === 0) continue;
          const p = op.p % pIds.length;
          const parts = (op.op === 'apply' ? [{ r: op.r, amount: op.amount }] : op.parts).map((x) => ({ r: x.r % rIds.length, amount: x.amount }));
          const perR = new Map<number, number>();
          for (const x of parts) perR.set(x.r, (perR.get(x.r) ?? 0) + x.amount);
          const total = parts.reduce((s, x) => s + x.amount, 0);
          const ok = [...perR].every(([r, a]) => a <= model.open[r]!) && total <= model.unapplied[p]!;
          try {
            const res = await applyWriteOff(h.db, auth, { customerId, memo: null, lines: parts.map((x) => ({ receivableId: rIds[x.r]!, amount: money(x.amount), source: { type: 'payment' as const, paymentId: pIds[p]! } })) });
            expect(ok).toBe(true);
            for (const [r, a] of perR) model.open[r]! -= a;
            model.unapplied[p]! -= total;
            model.writeOffs.push({ id: res.body.id, lines: parts.map((x) => ({ ...x, p })), reversed: false });
          } catch (err) {
            if (!(err instanceof DomainError) || err.status !== 409) throw err;
            expect(ok).toBe(false);
          }
        } else if (model.writeOffs.length > 0) {
          const w = model.writeOffs[op.w % model.writeOffs.length]!;
          try {
            await reverseWriteOff(h.db, auth, w.id, 'property test');
            expect(w.reversed).toBe(false);
            w.reversed = true;
            for (const l of w.lines) { model.open[l.r]! += l.amount; model.unapplied[l.p]! += l.amount; }
          } catch (err) {
            if (!(err instanceof DomainError) || err.status !== 409) throw err;
            expect(w.reversed).toBe(true);
          }
        }
      }
      const db = await inTenant(h.db, auth, async (tx) => ({
        r: (await sql<{ id: string; amount_open: string }>`select id, amount_open from receivables where customer_id = ${customerId}`.execute(tx)).rows,
        p: (await sql<{ id: string; amount_unapplied: string }>`select id, amount_unapplied from payments where customer_id = ${customerId}`.execute(tx)).rows,
        totals: (await sql<{ owed: string; applied: string; open: string; prepaid: string }>`select
            (select coalesce(sum(amount), 0) from receivables where customer_id = ${customerId})::text as owed,
            (select coalesce(sum(a.amount), 0) from allocations a join receivables r on r.id = a.receivable_id where r.customer_id = ${customerId})::text as applied,
            (select coalesce(sum(amount_open), 0) from receivables where customer_id = ${customerId})::text as open,
            (select coalesce(sum(amount), 0) from account_entries where customer_id = ${customerId} and account = 'prepaid')::text as prepaid`.execute(tx)).rows[0]!,
      }));
      const openById = new Map(db.r.map((x) => [x.id, cents(x.amount_open)]));
      const unappliedById = new Map(db.p.map((x) => [x.id, cents(x.amount_unapplied)]));
      expect(rIds.map((id) => openById.get(id))).toEqual(model.open);
      expect(pIds.map((id) => unappliedById.get(id))).toEqual(model.unapplied);
      expect(model.open.every((x) => x >= 0) && model.unapplied.every((x) => x >= 0)).toBe(true);
      expect(cents(db.totals.owed)).toBe(cents(db.totals.applied) + cents(db.totals.open));
      expect(cents(db.totals.prepaid)).toBe(model.unapplied.reduce((s, x) => s + x, 0));
    }), { numRuns: 25 });
  }, 240_000);
});
