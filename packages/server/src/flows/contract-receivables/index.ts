// flows/contract-receivables: a contract instalment whose trigger happened (signing, a delivery, an acceptance) becomes
// a receivable 立应收 of the receivables domain, idempotently by the source key 'instalment:<id>'. Contracts call it
// through the BookInstalment function app.ts gives them, in their own transaction (one per request), after the
// customer and contract locks they already hold (docs/adr/0004-lock-order.md: customer → contract → … → receivables).
import { addDays } from '@l2c/shared';
import type { BookInstalment } from '../../domains/contracts/index.js';
import { createReceivableFromTrigger } from '../../domains/receivables/index.js';

export const bookInstalmentReceivable: BookInstalment = async (tx, actor, contract, inst, source, on) => {
  const { id } = await createReceivableFromTrigger(tx, actor, {
    customerId: contract.customer_id, contractId: contract.id, instalmentId: inst.id, source, sourceKey: `instalment:${inst.id}`,
    amount: inst.amount, taxAmount: inst.tax_amount, currency: contract.currency, businessDate: on,
    dueDate: addDays(on, inst.due_days_after_trigger), ownerId: inst.owner_id ?? contract.owner_id,
  });
  return id;
};
