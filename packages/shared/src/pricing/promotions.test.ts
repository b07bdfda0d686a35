// Promotion, budget, rebate and margin scenarios, in yuan.
import { describe, expect, it } from 'vitest';
import { priceQuote } from './engine.js';
import { entry, input, promo, rules } from './fixtures.js';

const nets = (r: ReturnType<typeof priceQuote>) => r.lines.map((l) => l.netAmount);

describe('promotions', () => {
  it('stacked: 10 % off the pump, then 满 1000 减 100 on what is left, shared by line amount', () => {
    const r = priceQuote(input([['PUMP-100', '10'], ['VALVE-20', '5']]), rules({ promotions: [
      promo('P-10PCT', { kind: 'item', target: { productId: 'PUMP-100' }, percentOff: '0.10' }),
      promo('P-1000-100', { kind: 'threshold', minAmount: '1000.00', amountOff: '100.00' }),
    ] }));
    // 1000 − 100 = 900 pump + 100 valve = 1000 reaches the threshold; 100 off as 90 + 10.
    expect(nets(r)).toEqual(['810.00', '90.00']);
    expect(r.totals).toMatchObject({ listAmount: '1100.00', discountAmount: '200.00', netAmount: '900.00' });
    expect(r.lines[0]!.trace.map((t) => `${t.ruleId}:${t.after}`)).toEqual(['standard:1000.00', 'P-10PCT:900.00', 'P-1000-100:810.00']);
  });

  it('满减 repeated: 满 500 减 30 for every full 500 of 1,100 takes 60', () => {
    const r = priceQuote(input([['PUMP-100', '11']]), rules({ promotions: [promo('P-500-30', { kind: 'threshold', minAmount: '500', amountOff: '30', repeat: true })] }));
    expect(nets(r)).toEqual(['1040.00']);
  });

  it('best-of: 9.00 off each of 10 pumps (90) beats 8 % off (80); only the better one applies', () => {
    const r = priceQuote(input([['PUMP-100', '10']]), rules({ promotions: [
      promo('P-8PCT', { kind: 'item', target: { productId: 'PUMP-100' }, percentOff: '0.08' }, { group: 'year-end', stacking: 'best_of' }),
      promo('P-9OFF', { kind: 'item', target: { productId: 'PUMP-100' }, amountOffPerUnit: '9.00' }, { group: 'year-end', stacking: 'best_of' }),
    ] }));
    expect(nets(r)).toEqual(['910.00']);
    expect(r.promotions.find((p) => p.promotionId === 'P-8PCT')).toMatchObject({ applied: false });
  });

  it('exclusive: the 15 % clearance takes the pumps, so so the stackable 10 % on all pumps only reaches the smaller pump', () => {
    const r = priceQuote(input([['PUMP-100', '2'], ['PUMP-50', '2']]), rules({ promotions: [
      promo('P-CLEAR', { kind: 'item', target: { productId: 'PUMP-100' }, percentOff: '0.15' }, { group: 'clearance', stacking: 'exclusive' }),
      promo('P-PUMPS', { kind: 'item', target: { categoryId: 'pumps' }, percentOff: '0.10' }),
    ] }));
    expect(nets(r)).toEqual(['170.00', '90.00']);
  });

  it('combo: pump + valve sets, 50 off a set; 2 pumps and 3 valves make 2 sets, 100 off shared 76.92 + 23.08', () => {
    const r = priceQuote(input([['PUMP-100', '2'], ['VALVE-20', '3']]), rules({ promotions: [
      promo('P-COMBO', { kind: 'combo', items: [{ productId: 'PUMP-100', quantity: '1' }, { productId: 'VALVE-20', quantity: '1' }], amountOffPerSet: '50.00' }),
    ] }));
    expect(r.lines.map((l) => l.discountAmount)).toEqual(['76.92', '23.08']);
    expect(r.totals.netAmount).toBe('160.00');
  });

  it('gift: buy 10 pumps get a mug; 25 pumps bring 2 mugs at no charge, their cost spent from the budget', () => {
    const r = priceQuote(input([['PUMP-100', '25']], { budgets: { 'B-GIFTS': '1000.00' } }), rules({ promotions: [
      promo('P-MUG', { kind: 'gift', target: { productId: 'PUMP-100' }, buyQuantity: '10', giftProductId: 'GIFT-MUG', giftQuantity: '1' }, { budgetId: 'B-GIFTS' }),
    ] }));
    expect(r.lines[1]).toMatchObject({ lineId: 'gift:P-MUG', productId: 'GIFT-MUG', quantity: '2', gift: true, netAmount: '0.00', cost: '10.00' });
    expect(r.totals).toMatchObject({ netAmount: '2500.00', cost: '1510.00' });
    expect(r.budgetUse).toEqual([{ budgetId: 'B-GIFTS', amount: '10.00', promotionIds: ['P-MUG'] }]);
  });

  it('cumulative over the quarter: 80 bought before + 25 now reaches 100, so 5 % off; 70 before does not', () => {
    const p = rules({ promotions: [promo('P-Q4', { kind: 'cumulative', target: { categoryId: 'pumps' }, minQuantity: '100', percentOff: '0.05' })] });
    expect(nets(priceQuote(input([['PUMP-100', '25']], { periodQuantities: { 'P-Q4': '80' } }), p))).toEqual(['2375.00']);
    expect(nets(priceQuote(input([['PUMP-100', '25']], { periodQuantities: { 'P-Q4': '70' } }), p))).toEqual(['2500.00']);
  });

  it('a promotion out of its dates or for another grade does nothing', () => {
    const r = priceQuote(input([['PUMP-100', '1']]), rules({ promotions: [
      promo('P-OLD', { kind: 'item', target: { productId: 'PUMP-100' }, percentOff: '0.5' }, { validTo: '2026-11-30' }),
      promo('P-GRADE-B', { kind: 'item', target: { productId: 'PUMP-100' }, percentOff: '0.5' }, { scope: { grade: 'B' } }),
    ] }));
    expect(nets(r)).toEqual(['100.00']);
  });
});

describe('promotion budget', () => {
  const budgeted = rules({ promotions: [promo('P-10PCT', { kind: 'item', target: { productId: 'PUMP-100' }, percentOff: '0.10' }, { budgetId: 'B-Q4' })] });
  it('the first quote spends 100.00 of 150.00; the second, priced on the 50.00 left, gets no discount and says why', () => {
    const first = priceQuote(input([['PUMP-100', '10']], { budgets: { 'B-Q4': '150.00' } }), budgeted);
    expect(first.budgetUse).toEqual([{ budgetId: 'B-Q4', amount: '100.00', promotionIds: ['P-10PCT'] }]);
    expect(nets(first)).toEqual(['900.00']);
    const second = priceQuote(input([['PUMP-100', '10']], { budgets: { 'B-Q4': '50.00' } }), budgeted);
    expect(nets(second)).toEqual(['1000.00']);
    expect(second.budgetUse).toEqual([]);
    expect(second.promotions[0]).toMatchObject({ applied: false, note: 'budget B-Q4 exhausted: needs 100.00, 50.00 left' });
  });
  it('a budget the caller gave no figure for counts as empty: never overspent', () => {
    expect(nets(priceQuote(input([['PUMP-100', '10']]), budgeted))).toEqual(['1000.00']);
  });
});

describe('rebate offset (返利抵扣) and accrual', () => {
  const order = input([['PUMP-100', '6'], ['PUMP-50', '8']]); // 600 + 400 = 1000
  it('当单比例 10 %: a balance of 500 offsets at most 100.00, shared 60 + 40; 2 % accrues on the 900 paid', () => {
    const r = priceQuote({ ...order, rebate: { balance: '500.00', maxOrderRatio: '0.10', accrualRate: '0.02' } }, rules());
    expect(r.rebate).toEqual({ available: '500.00', limit: '100.00', used: '100.00', accrued: '18.00' });
    expect(r.lines.map((l) => l.rebateAmount)).toEqual(['60.00', '40.00']);
    expect(r.totals.netAmount).toBe('900.00');
  });
  it('a smaller balance or request is used as is', () => {
    expect(priceQuote({ ...order, rebate: { balance: '20.00', maxOrderRatio: '0.10' } }, rules()).rebate!.used).toBe('20.00');
    expect(priceQuote({ ...order, rebate: { balance: '500.00', maxOrderRatio: '0.10', requested: '30.00' } }, rules()).rebate!.used).toBe('30.00');
  });
  it('the limit rounds down: 10 % of 333.35 is 33.33, never 33.34', () => {
    const r = priceQuote(input([['PUMP-100', '1']], { rebate: { balance: '500', maxOrderRatio: '0.10' } }), rules({ entries: [entry('PUMP-100', '333.35')] }));
    expect(r.rebate).toMatchObject({ limit: '33.33', used: '33.33' });
  });
});

describe('margin floor', () => {
  it('a pump sold at 80 (cost 60, margin 25 %) under its 30 % floor needs approval, with the figures; the category floor does not override it', () => {
    const r = priceQuote(input([['PUMP-100', '2'], ['PUMP-50', '2']]), rules({
      entries: [entry('PUMP-100', '80.00', { scope: { customerId: 'C-HT' } })],
      marginFloors: [{ productId: 'PUMP-100', minMargin: '0.30' }, { categoryId: 'pumps', minMargin: '0.20' }],
    }));
    expect(r.approval).toEqual({ required: true, breaches: [{ lineId: 'L1', productId: 'PUMP-100', margin: '0.2500', floor: '0.30', netAmount: '160.00', cost: '120.00' }] });
    expect(r.lines[1]!.margin).toBe('0.4000');
  });
  it('a gift\'s cost counts against the margin of the line that brought it', () => {
    const r = priceQuote(input([['VALVE-20', '10']]), rules({
      promotions: [promo('P-MUG', { kind: 'gift', target: { productId: 'VALVE-20' }, buyQuantity: '10', giftProductId: 'GIFT-MUG', giftQuantity: '8' })],
      marginFloors: [{ categoryId: 'valves', minMargin: '0.40' }],
    }));
    // 200 revenue, 80 own cost + 40 mugs → 40 % margin exactly: at the floor, no approval. Without the mugs it would be 60 %.
    expect(r.lines[0]!.margin).toBe('0.4000');
    expect(r.approval.required).toBe(false);
  });
});

describe('trace', () => {
  it('a line says every step in order — base, surcharge, promotion, rebate — and the quote says why a promotion did not apply', () => {
    const r = priceQuote(input([{ lineId: 'L1', productId: 'PUMP-100', quantity: '10', attributes: { voltage: '380V' } }], { rebate: { balance: '100', maxOrderRatio: '0.05' } }), rules({
      entries: [entry('PUMP-100', '90.00', { id: 'E-CUST', scope: { customerId: 'C-HT' } })],
      surcharges: [{ id: 'S-380', productId: 'PUMP-100', attribute: 'voltage', value: '380V', amountPerUnit: '10.00' }],
      promotions: [
        promo('P-A', { kind: 'item', target: { productId: 'PUMP-100' }, percentOff: '0.10' }, { group: 'launch', stacking: 'exclusive', priority: 2 }),
        promo('P-B', { kind: 'item', target: { productId: 'PUMP-100' }, percentOff: '0.20' }, { group: 'launch', stacking: 'exclusive', priority: 1 }),
      ],
    }));
    // 10 × 90 = 900, + 10 × 10 = 1000, −10 % = 900, rebate 5 % of 900 = 45 → 855.
    expect(r.lines[0]!.trace.map((t) => [t.step, t.ruleId, t.after])).toEqual([
      ['base', 'E-CUST', '900.00'], ['surcharge', 'S-380', '1000.00'], ['promotion', 'P-A', '900.00'], ['rebate', 'rebate', '855.00'],
    ]);
    expect(r.promotions).toEqual([
      { promotionId: 'P-B', applied: false, amount: '0.00', note: 'exclusive group launch: P-A comes first' },
      { promotionId: 'P-A', applied: true, amount: '100.00', note: '10 % off' },
    ]);
  });
});

describe('tax', () => {
  it('a tax-inclusive line of 113.00 at 13 % is 100.00 + 13.00', () => {
    const r = priceQuote(input([['PUMP-100', '1']]), rules({ entries: [entry('PUMP-100', '113.00')] }));
    expect(r.lines[0]).toMatchObject({ amountExclTax: '100.00', taxAmount: '13.00', amountInclTax: '113.00' });
  });
});
