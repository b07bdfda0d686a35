// Where contracts meet receivables, without importing them: when an instalment's trigger happens (signing, a delivery,
// an acceptance) contracts marks the instalment triggered — its own row — and hands the booking of its receivable to
// a BookInstalment function. The composition root (app.ts) passes flows/contract-receivables' function in; contracts
// never writes, nor imports, the receivables domain.
import { dec } from '@l2c/shared';
import type { Actor, Tx } from '../../platform/db.js';
import { markTriggered } from './lifecycle.sql.js';

export type TriggerSource = 'contract_signed' | 'plan_date' | 'delivery' | 'milestone';

export interface InstalmentToBook { id: string; amount: string; tax_amount: string; owner_id: string | null; due_days_after_trigger: number }
export interface ContractRef { id: string; customer_id: string; currency: string; owner_id: string | null }

/** Book the receivable of one instalment whose trigger happened on `on`, in the caller's transaction; its id. */
export type BookInstalment = (tx: Tx, actor: Actor, contract: ContractRef, inst: InstalmentToBook, source: TriggerSource, on: string) => Promise<string>;

/** The trigger of `inst` happened on `on`: mark it, and book its receivable (none for a zero amount). */
export async function instalmentTriggered(tx: Tx, actor: Actor, book: BookInstalment, contract: ContractRef, inst: InstalmentToBook, source: TriggerSource, on: string): Promise<string | null> {
  await markTriggered(tx, inst.id, on);
  if (!dec(inst.amount).gt(0)) return null;
  return book(tx, actor, contract, inst, source, on);
}
