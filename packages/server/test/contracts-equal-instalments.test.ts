// N equal instalments over HTTP: thirds of a 100,000.00 contract are three × 33.333333 %, cut by the one cent rule
// (the first instalment gets the extra cent), and the receivables booked from them add back to the contract total.
// Before, a percent had at most 4 decimals: 33.333333 was a 400, and 3 × 33.3333 left 0.10 unplanned.
import { beforeAll, describe, expect, it } from 'vitest';
import { equalPercent } from '@l2c/shared';
import { approvedContract, contractsWorld, newCustomer, orderBody, signBody, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;
let customerId: string;

beforeAll(async () => {
  w = await contractsWorld();
  customerId = await newCustomer(w.rep);
});

const thirds = () => Array.from({ length: 3 }, () => ({ trigger: 'on_signing', percent: equalPercent(3), method: 'bank_transfer' }));

describe('equal instalments', () => {
  it('a 100,000.00 contract in 3 equal instalments is 33,333.34 / 33,333.33 / 33,333.33; the receivables add to 100,000.00', async () => {
    const c = await approvedContract(w, orderBody(customerId, { planTemplate: undefined, instalments: thirds() }, '1', '100000.00'));
    expect(c.amountInclTax).toBe('100000.00');
    expect(c.instalments.map((i: { percent: string }) => i.percent)).toEqual(['33.333333', '33.333333', '33.333333']);
    expect(c.instalments.map((i: { amount: string }) => i.amount)).toEqual(['33333.34', '33333.33', '33333.33']);
    const taxes = c.instalments.map((i: { taxAmount: string }) => Number(i.taxAmount.replace('.', '')));
    expect(taxes.reduce((a: number, b: number) => a + b, 0)).toBe(Number(c.taxAmount.replace('.', '')));

    const signed = await w.rep.post(`/api/v1/contracts/${c.id}/sign`, signBody(c.version));
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const receivables = (await w.finance.get(`/api/v1/receivables?contractId=${c.id}`)).body.items as Array<{ amount: string }>;
    expect(receivables.map((r) => r.amount).sort()).toEqual(['33333.33', '33333.33', '33333.34']);
    const cents = receivables.reduce((sum, r) => sum + BigInt(r.amount.replace('.', '')), 0n);
    expect(cents).toBe(10_000_000n); // 100,000.00 to the cent
  });

  it('passes compliance as a whole plan, and six × 16.666667 % (adding to 100.000002) is not "more than 100"', async () => {
    const six = Array.from({ length: 6 }, () => ({ trigger: 'on_signing', percent: equalPercent(6) }));
    const res = await w.rep.post('/api/v1/contracts', orderBody(customerId, { planTemplate: undefined, instalments: six }, '1', '1000000000.00'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const amounts = res.body.instalments.map((i: { amount: string }) => i.amount);
    expect(amounts).toEqual(['166666666.67', '166666666.67', '166666666.67', '166666666.67', '166666666.66', '166666666.66']);
    const compliance = await w.rep.get(`/api/v1/contracts/${res.body.id}/compliance`);
    expect(compliance.status).toBe(200);
    expect(compliance.body.issues.filter((i: { code: string }) => i.code.startsWith('plan_'))).toEqual([]);
  });

  it('a percent with a 7th decimal is a 400 naming the field', async () => {
    const res = await w.rep.post('/api/v1/contracts', orderBody(customerId, { planTemplate: undefined, instalments: [{ trigger: 'on_signing', percent: '33.3333333' }] }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('instalments.0.percent');
  });
});
