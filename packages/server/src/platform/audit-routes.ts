// Reading the audit trail. Whoever holds audit:read over the whole tenant (admins, finance, executives) queries it
// freely. Anyone else may read the history of one record they can see, checked by the owning domain's visibility
// function (out of scope is a 404, as for a record that does not exist); beyond that, a reader with audit:read and a
// narrower scope (a sales manager) sees the actions of the people in their scope — the filter is in the SQL.
import { AuditListQuery, AuditPage, can, type RecordRef } from '@l2c/shared';
import type { App } from './http.js';
import { inTenant, type Db, type Tx } from './db.js';
import { requireAuth, type AuthContext } from './auth.js';
import { commonError } from './errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { listAuditEntries } from './audit.sql.js';

export type VisibilityCheck = (db: Db, auth: AuthContext, id: string) => Promise<boolean>;
/** The number and name of records named by id (given by app.ts: the platform imports no domain). */
export type DescribeRecords = (tx: Tx, ids: string[]) => Promise<RecordRef[]>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every id an audit change holds as a value (ownerId, customerId, a list of ids), for the references beside entries. */
export function idsInChanges(changes: unknown): string[] {
  const out: string[] = [];
  if (!Array.isArray(changes)) return out;
  const take = (v: unknown) => {
    if (typeof v === 'string' && UUID.test(v)) out.push(v);
    else if (Array.isArray(v)) v.forEach(take);
  };
  for (const c of changes as Array<{ before?: unknown; after?: unknown } | null>) { take(c?.before); take(c?.after); }
  return out;
}

export function auditRoutes(app: App, db: Db, visibility: Record<string, VisibilityCheck>, describe?: DescribeRecords) {
  app.get('/api/v1/audit', {
    schema: { operationId: 'listAuditEntries', summary: 'List audit entries', tags: ['audit'], querystring: AuditListQuery, response: { 200: AuditPage } },
  }, async (req) => {
    const auth = requireAuth(req);
    const query = req.query;
    let actorsVisibleTo: { userId: string; scope: AuthContext['scope'] } | null = null;
    if (!can(auth.role, 'audit', 'read') || auth.scope !== 'all') {
      const check = query.entityType && query.entityId ? visibility[query.entityType] : undefined;
      if (check) {
        if (!(await check(db, auth, query.entityId!))) throw commonError('not_found');
      } else if (can(auth.role, 'audit', 'read')) {
        actorsVisibleTo = { userId: auth.userId, scope: auth.scope };
      } else {
        throw commonError('forbidden', 'Only the history of one record you can see');
      }
    }
    const after = decodeCursor(query.cursor, ['instant', 'uuid']) as [string, string] | null;
    const { rows, refs } = await inTenant(db, auth, async (tx) => {
      const found = await listAuditEntries(tx, { ...query, actorsVisibleTo, after, limit: query.limit + 1 });
      const ids = found.slice(0, query.limit).flatMap((r) => [r.entity_id, ...idsInChanges(r.changes)]);
      return { rows: found, refs: describe ? await describe(tx, [...new Set(ids)]) : [] };
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id, at: r.at, actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null, action: r.action,
        entityType: r.entity_type, entityId: r.entity_id, changes: r.changes as Array<{ field: string; before: unknown; after: unknown }>,
        requestId: r.request_id,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.at, last.id]) : null,
      refs,
    };
  });
}
