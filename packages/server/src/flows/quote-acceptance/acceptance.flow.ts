// Accepting a quote 客户接受报价: in one transaction the approved version becomes an order contract (draft) with its
// priced lines, prices, tax and catalog codes carried over to the cent; the rebate offset leaves the customer's rebate
// account and the rebate earned is accrued to it; the promotion budgets the version reserved are consumed.
// A quote made for an opportunity wins it (and links the contract) in the same transaction.
// Lock order (docs/adr/0004): Idempotency-Key → the quote (the document) → its opportunity → the customer (money) → the
// new contract → budget rows by id → ledger appends. A retried request with the same key returns the first answer; a second accept
// without a key finds the quote accepted and answers with the same contract, consuming nothing twice.
import { ContractInput, dec } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { withIdempotency } from '../../platform/idempotency.js';
import { todayFor } from '../../platform/clock.js';
import { lockCustomer } from '../../domains/credit/index.js';
import { accountBalance, postAccountEntry } from '../../domains/payments/index.js';
import { createContractTx } from '../../domains/contracts/index.js';
import { consumeReservationsTx } from '../../domains/pricing/index.js';
import { acceptedTx, lockAcceptableTx, quoteError } from '../../domains/quotes/index.js';
import { lockForQuoteTx, winByQuoteTx } from '../../domains/opportunities/index.js';
import { contractLine } from './carry.js';

export interface AcceptInput { version: number; planTemplate: string | null; paymentTermDays: number }
export interface Accepted { quoteId: string; status: 'accepted'; contract: { id: string; number: string; amountInclTax: string } }

export async function acceptQuote(db: Db, auth: AuthContext, id: string, input: AcceptInput, key: string | undefined) {
  return inTenant(db, auth, (tx) => withIdempotency<Accepted>(tx, auth, `quote-accept:${id}`, key, input, async () => {
    const { row, snapshot, already } = await lockAcceptableTx(tx, auth, id, input.version);
    const totals = snapshot.content.totals;
    if (already) {
      return { statusCode: 200, body: { quoteId: id, status: 'accepted' as const, contract: { id: row.contract_id!, number: row.contract_number ?? '', amountInclTax: totals.amountInclTax! } } };
    }
    if (row.opportunity_id) await lockForQuoteTx(tx, row.opportunity_id);
    await lockCustomer(tx, row.customer_id);
    const today = todayFor(auth);
    const rebate = snapshot.content.rebate as { used: string; accrued: string } | null;
    if (rebate && dec(rebate.used).gt(0)) {
      const balance = await accountBalance(tx, row.customer_id, 'rebate');
      if (dec(balance).lt(rebate.used)) throw quoteError('rebate_insufficient', undefined, { errors: [{ path: 'rebate', message: `balance ${balance}, the quote uses ${rebate.used}` }] });
    }

    const lines = snapshot.content.lines.map((l, i) => {
      const carried = contractLine(l, row.prices_include_tax, row.currency);
      if (!carried) throw quoteError('not_carried', undefined, { errors: [{ path: `lines.${i}`, message: `${l.name}: ${l.quantity} × ${l.unitPrice} → ${l.amountInclTax}` }] });
      return carried;
    });
    const contract = await createContractTx(tx, auth, ContractInput.parse({
      kind: 'order', customerId: row.customer_id, title: row.title, currency: row.currency, pricesIncludeTax: row.prices_include_tax,
      paymentTermDays: input.paymentTermDays, planTemplate: input.planTemplate ?? undefined, ownerId: row.owner_id ?? undefined,
      paymentTerms: `报价单 ${row.number} 第 ${row.seq} 版（${row.content_hash?.slice(0, 12)}）`,
      lines, instalments: input.planTemplate ? [] : [{ trigger: 'on_signing', percent: '100' }],
    }));
    // The contract computed every line again from the carried terms: they must be the priced amounts, to the cent.
    contract.lines.forEach((c, i) => {
      const p = snapshot.content.lines[i]!;
      if (c.amountInclTax !== p.amountInclTax || c.taxAmount !== p.taxAmount) throw quoteError('not_carried', undefined, { errors: [{ path: `lines.${i}`, message: `${c.amountInclTax} ≠ ${p.amountInclTax}` }] });
    });

    if (rebate && dec(rebate.used).gt(0)) {
      await postAccountEntry(tx, { tenantId: auth.tenantId, customerId: row.customer_id, account: 'rebate', amount: `-${rebate.used}`, businessDate: today, kind: 'rebate_offset', refType: 'contract', refId: contract.id, memo: `报价单 ${row.number} 返利抵扣`, createdBy: auth.userId });
    }
    if (rebate && dec(rebate.accrued).gt(0)) {
      await postAccountEntry(tx, { tenantId: auth.tenantId, customerId: row.customer_id, account: 'rebate', amount: rebate.accrued, businessDate: today, kind: 'rebate_accrual', refType: 'contract', refId: contract.id, memo: `报价单 ${row.number} 返利计提`, createdBy: auth.userId });
    }
    await consumeReservationsTx(tx, auth, row.id, row.current_version_id!);
    await acceptedTx(tx, auth, row, { id: contract.id, number: contract.number });
    if (row.opportunity_id) await winByQuoteTx(tx, auth, row.opportunity_id, contract.id);
    return { statusCode: 201, body: { quoteId: id, status: 'accepted' as const, contract: { id: contract.id, number: contract.number, amountInclTax: contract.amountInclTax } } };
  }));
}
