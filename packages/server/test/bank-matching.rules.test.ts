// The matcher's rules in their documented order (flows/bank-reconciliation/matching.ts), on candidates built by hand:
// which rule wins, its confidence, the reasons, and that two lines of one batch never settle the same money.
import { describe, expect, it } from 'vitest';
import { proposeAll, tokensOf, type Proposal } from '../src/flows/bank-reconciliation/index.js';

type Open = { id: string; number: string; customerId: string; contractId: string | null; contractNumber: string | null; currency: string; amountOpen: string; dueDate: string };
const r = (id: string, customerId: string, amountOpen: string, dueDate: string, contractNumber: string | null = null): Open =>
  ({ id, number: `YS-2026-00000${id}`, customerId, contractId: contractNumber ? `k-${contractNumber}` : null, contractNumber, currency: 'CNY', amountOpen, dueDate });
const line = (id: string, amount: string, o: { payerName?: string; payerAccount?: string; text?: string } = {}) =>
  ({ id, amount, currency: 'CNY', payerName: o.payerName ?? null, payerAccount: o.payerAccount ?? null, text: o.text ?? '' });

function candidates() {
  const a1 = r('1', 'A', '1000.00', '2026-10-01', 'HT-2026-000009');
  const a2 = r('2', 'A', '2500.00', '2026-11-01', 'HT-2026-000009');
  const a3 = r('3', 'A', '400.00', '2026-12-01');
  const b1 = r('4', 'B', '777.00', '2026-10-15');
  return {
    all: { a1, a2, a3, b1 },
    c: {
      byToken: new Map([[a1.number, [a1]], ['HT-2026-000009', [a1, a2]]]),
      aliasByAccount: new Map([['6222000011112222', 'A']]),
      aliasByName: new Map<string, string>(),
      customerByName: new Map([['杭州甲科技有限公司', 'A']]),
      customerNames: new Map([['A', '杭州甲科技有限公司'], ['B', '宁波乙有限公司']]),
      openByCustomer: new Map([['A', [a1, a2, a3]]]),
      instalmentsByCustomer: new Map([['A', [{ id: 'i', contractNumber: 'HT-2026-000010', seq: 2, customerId: 'A', currency: 'CNY', amount: '8888.00' }]]]),
      byAmount: new Map([['777.00|CNY', [b1]]]),
    },
  };
}
const only = (ps: Proposal[], id: string) => ps.find((p) => p.lineId === id)!;

describe('matching rules', () => {
  it('finds document numbers however they are written, and 20-digit invoice numbers', () => {
    expect(tokensOf('货款ys2026000001及HT-2026-000009，发票26332000000000012345')).toEqual(['YS-2026-000001', 'HT-2026-000009', '26332000000000012345']);
  });

  it('applies the rules in order: reference, payer (account before name), amount only', () => {
    const { c } = candidates();
    const ps = proposeAll([
      line('ref', '1000.00', { text: '付 YS-2026-000001', payerName: '杭州甲科技有限公司' }),
      line('contract', '2500.00', { text: '合同 HT-2026-000009 尾款' }),
      line('acct', '400.00', { payerAccount: '6222 0000 1111 2222' }),
      line('inst', '8888.00', { payerName: '杭州甲科技（有限公司）' }),
      line('amount', '777.00', { payerName: '张三' }),
      line('none', '12.34', { payerName: '李四' }),
    ], c);
    expect(only(ps, 'ref')).toMatchObject({ rule: 'reference', confidence: 98, customerId: 'A', allocations: [{ receivableId: '1', amount: '1000.00' }] });
    // the contract's two invoices: 1000 + 2500 open, 1000 already taken by the line before → 2500 left = the amount
    expect(only(ps, 'contract')).toMatchObject({ rule: 'reference', confidence: 95, allocations: [{ receivableId: '2', amount: '2500.00' }] });
    expect(only(ps, 'acct')).toMatchObject({ rule: 'payer_amount', confidence: 95, allocations: [{ receivableId: '3', amount: '400.00' }] });
    expect(only(ps, 'acct').reasons[0]!.code).toBe('payer_account');
    // full-width brackets and spaces do not hide the customer's name; money ahead of an unbilled instalment stays prepaid
    expect(only(ps, 'inst')).toMatchObject({ rule: 'payer_instalment', confidence: 70, allocations: [] });
    expect(only(ps, 'amount')).toMatchObject({ rule: 'amount_only', confidence: 60, customerId: 'B' });
    expect(ps.find((p) => p.lineId === 'none')).toBeUndefined();
  });

  it('a set of the customer\'s invoices: all of them (90), or some (80); what fits nothing goes oldest first (55)', () => {
    const { c } = candidates();
    const name = { payerName: '杭州甲科技有限公司' };
    expect(proposeAll([line('all', '3900.00', name)], c)[0]).toMatchObject({ rule: 'payer_set', confidence: 90 });
    expect(proposeAll([line('some', '1400.00', name)], c)[0]).toMatchObject({ rule: 'payer_set', confidence: 80,
      allocations: [{ receivableId: '1', amount: '1000.00' }, { receivableId: '3', amount: '400.00' }] });
    expect(proposeAll([line('part', '1200.00', name)], c)[0]).toMatchObject({ rule: 'payer_only', confidence: 55,
      allocations: [{ receivableId: '1', amount: '1000.00' }, { receivableId: '2', amount: '200.00' }] });
  });

  it('two lines of one batch never settle the same money', () => {
    const { c } = candidates();
    const ps = proposeAll([line('x', '1000.00', { text: 'YS-2026-000001' }), line('y', '1000.00', { text: 'YS-2026-000001' })], c);
    expect(ps.map((p) => p.lineId)).toEqual(['x']); // the second finds nothing open under that number any more
  });
});
