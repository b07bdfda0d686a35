// The audit trail: who, when, which record, each changed field before → after. Append-only: the application
// role has no UPDATE or DELETE on audit_log, so not even a bug can rewrite history.
import { sql } from 'kysely';
import type { Actor, Tx } from './db.js';

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

export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  const changes = input.changes ?? diffRecords(input.before ?? null, input.after ?? null);
  await sql`insert into audit_log (tenant_id, actor_id, action, entity_type, entity_id, changes, request_id)
    values (${actor.tenantId}, ${actor.userId}, ${input.action}, ${input.entityType}, ${input.entityId},
            ${JSON.stringify(changes)}::jsonb, ${actor.requestId ?? null})`.execute(tx);
}
