// The one place contracts book receivables: an instalment whose trigger happened (signing, delivery, acceptance)
// becomes a receivable through the receivables domain, idempotently by the source key 'instalment:<id>'.
import { dec } from '@l2c/shared';
import { createReceivableFromTrigger } from '../receivables/index.js';
import type { Actor, Tx } from '../../platform/db.js';
import { markTriggered } from './lifecycle.sql.js';

export type TriggerSource = 'contract_signed' | 'plan_date' | 'delivery' | 'milestone';

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface InstalmentToBook { id: string; amount: string; tax_amount: string; owner_id: string | null; due_days_after_trigger: number }
export interface ContractRef { id: string; customer_id: string; currency: string; owner_id: string | null }

/** Book the receivable of one instalment whose trigger happened on `on`, and mark the instalment triggered. */
export async function bookInstalmentReceivable(tx: Tx, actor: Actor, contract: ContractRef, inst: InstalmentToBook, source: TriggerSource, on: string): Promise<string | null> {
  await markTriggered(tx, inst.id, on);
  if (!dec(inst.amount).gt(0)) return null;
  const { id } = await createReceivableFromTrigger(tx, actor, {
    customerId: contract.customer_id, contractId: contract.id, instalmentId: inst.id, source, sourceKey: `instalment:${inst.id}`,
    amount: inst.amount, taxAmount: inst.tax_amount, currency: contract.currency, businessDate: on,
    dueDate: addDays(on, inst.due_days_after_trigger), ownerId: inst.owner_id ?? contract.owner_id,
  });
  return id;
}
