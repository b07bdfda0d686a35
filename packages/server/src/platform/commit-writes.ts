// The platform's own rows a transaction writes at its end — its audit entries (audit.ts), its outbox events
// (outbox.ts) and the stored answer of its Idempotency-Key (idempotency.ts) — gathered while it runs and written
// together in ONE statement just before it commits (deferToCommit), not one statement each: a payment with its
// automatic write-off wrote them in three statements, each a round trip on a server and a parse, bind and execute in
// the embedded database's WASM (docs/benchmarks.md, "session 6, helper P"). Written inside the transaction, they
// vanish with it if it fails, exactly as before.
import type { RawBuilder } from 'kysely';
import { deferToCommit, type Tx } from './db.js';
import type { AuditRow } from './audit.js';
import type { OutboxRow } from './outbox.js';
import { insertEndWrites, readCheck } from './commit-writes.sql.js';

export interface KeyRow { tenantId: string; caller: string; key: string; scope: string; requestHash: string; statusCode: number; response: string }

/**
 * A read that must pass before the transaction commits (checkAtEnd): `value` is a scalar expression (a subquery
 * returning one value), `verify` throws to roll the transaction back.
 */
export interface EndCheck { key: string; value: RawBuilder<unknown>; verify: (value: unknown) => void }

/** What a transaction will write (and check) at its end, in the order recorded within each table. */
export interface EndWrites { audit: AuditRow[]; outbox: OutboxRow[]; keys: KeyRow[]; checks: EndCheck[] }

const pending = new WeakMap<Tx, EndWrites>();

/**
 * This transaction's rows to write at its end (created, and its write scheduled, on first use); null when the
 * transaction was not opened by inTenant / asSystem — the caller then writes its rows at once.
 */
export function endWritesOf(tx: Tx): EndWrites | null {
  const found = pending.get(tx);
  if (found) return found;
  const writes: EndWrites = { audit: [], outbox: [], keys: [], checks: [] };
  const scheduled = deferToCommit(tx, async () => {
    pending.delete(tx); // a row recorded by a later hook starts a new batch, written after this one
    if (writes.audit.length + writes.outbox.length + writes.keys.length + writes.checks.length === 0) return;
    const values = await insertEndWrites(tx, writes);
    writes.checks.forEach((c, i) => c.verify(values[i]));
  });
  if (!scheduled) return null;
  pending.set(tx, writes);
  return writes;
}

/**
 * Check `value` with `verify` at the transaction's end, in its last statement (with its audit entries, events and key),
 * on everything the transaction wrote — one statement less than reading it at once: the write-off engine's money
 * invariants (flows/write-off, docs/benchmarks.md "session 7, helper Q"). Still inside the transaction and under every
 * lock it took; a failing check rolls the whole transaction back, its end writes included. Checks with the same `key`
 * are read once (a transaction that settles a customer twice checks it once, at the end). Outside inTenant / asSystem
 * the check is read at once.
 */
export async function checkAtEnd(tx: Tx, check: EndCheck): Promise<void> {
  const writes = endWritesOf(tx);
  if (!writes) return check.verify(await readCheck(tx, check.value));
  if (!writes.checks.some((c) => c.key === check.key)) writes.checks.push(check);
}
