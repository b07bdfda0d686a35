// The audit trail: who, when, which record, each changed field before → after. Append-only: the application
// role has no UPDATE or DELETE on audit_log, so not even a bug can rewrite history.
import type { Actor, Tx } from './db.js';
import { insertAuditEntries } from './audit.sql.js';
import { endWritesOf } from './commit-writes.js';

export interface AuditChange { field: string; before: unknown; after: unknown }

/** Field-by-field difference of two plain records; fields listed in `ignore` are skipped. */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: string[] = ['version', 'updatedAt', 'createdAt'],
): AuditChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const field of keys) {
    if (ignore.includes(field)) continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  changes?: AuditChange[];
}

/**
 * Record entries in the transaction's audit trail. They are written together, in one statement, when the transaction
 * ends (a payment with its write-off touches a payment, a write-off and each receivable: one insert, not five; the
 * transaction's outbox events and Idempotency-Key ride in the same statement, commit-writes.ts) — and vanish with it
 * if it fails. The changes are computed now, from the values as they are at the call.
 */
export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  await recordAudits(tx, actor, [input]);
}

export async function recordAudits(tx: Tx, actor: Actor, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const rows = inputs.map((i): AuditRow => ({
    tenantId: actor.tenantId, actorId: actor.userId, requestId: actor.requestId ?? null, action: i.action, entityType: i.entityType,
    entityId: i.entityId, changes: JSON.stringify(i.changes ?? diffRecords(i.before ?? null, i.after ?? null)),
  }));
  // with the transaction's other end-of-transaction rows (commit-writes.ts), in the order recorded
  const writes = endWritesOf(tx);
  if (writes) writes.audit.push(...rows);
  else await insertAuditEntries(tx, rows);
}

export interface AuditRow { tenantId: string; actorId: string | null; requestId: string | null; action: string; entityType: string; entityId: string; changes: string }
