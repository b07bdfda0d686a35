// The platform's own rows a transaction writes at its end — its audit entries (audit.ts), its outbox events
// (outbox.ts) and the stored answer of its Idempotency-Key (idempotency.ts) — gathered while it runs and written
// together in ONE statement just before it commits (deferToCommit), not one statement each: a payment with its
// automatic write-off wrote them in three statements, each a round trip on a server and a parse, bind and execute in
// the embedded database's WASM (docs/benchmarks.md, "session 6, helper P"). Written inside the transaction, they
// vanish with it if it fails, exactly as before.
import { deferToCommit, type Tx } from './db.js';
import type { AuditRow } from './audit.js';
import type { OutboxRow } from './outbox.js';
import { insertEndWrites } from './commit-writes.sql.js';

export interface KeyRow { tenantId: string; caller: string; key: string; scope: string; requestHash: string; statusCode: number; response: string }

/** What a transaction will write at its end, in the order recorded within each table. */
export interface EndWrites { audit: AuditRow[]; outbox: OutboxRow[]; keys: KeyRow[] }

const pending = new WeakMap<Tx, EndWrites>();

/**
 * This transaction's rows to write at its end (created, and its write scheduled, on first use); null when the
 * transaction was not opened by inTenant / asSystem — the caller then writes its rows at once.
 */
export function endWritesOf(tx: Tx): EndWrites | null {
  const found = pending.get(tx);
  if (found) return found;
  const writes: EndWrites = { audit: [], outbox: [], keys: [] };
  const scheduled = deferToCommit(tx, async () => {
    pending.delete(tx); // a row recorded by a later hook starts a new batch, written after this one
    if (writes.audit.length + writes.outbox.length + writes.keys.length > 0) await insertEndWrites(tx, writes);
  });
  if (!scheduled) return null;
  pending.set(tx, writes);
  return writes;
}
