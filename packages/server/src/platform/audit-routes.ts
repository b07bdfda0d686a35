// Reading the audit trail. Whoever holds audit:read over the whole tenant (admins, finance, executives) queries it
// freely. Anyone else may read the history of one record they can see, checked by the owning domain's visibility
// function (out of scope is a 404, as for a record that does not exist); beyond that, a reader with audit:read and a
// narrower scope (a sales manager) sees the actions of the people in their scope — the filter is in the SQL.
import { AuditListQuery, AuditPage, can } from '@l2c/shared';
import type { App } from './http.js';
import { inTenant, type Db } from './db.js';
import { requireAuth, type AuthContext } from './auth.js';
import { commonError } from './errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { listAuditEntries } from './audit.sql.js';

export type VisibilityCheck = (db: Db, auth: AuthContext, id: string) => Promise<boolean>;

export function auditRoutes(app: App, db: Db, visibility: Record<string, VisibilityCheck>) {
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
    const rows = await inTenant(db, auth, (tx) => listAuditEntries(tx, { ...query, actorsVisibleTo, after, limit: query.limit + 1 }));
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id, at: r.at, actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null, action: r.action,
        entityType: r.entity_type, entityId: r.entity_id, changes: r.changes as Array<{ field: string; before: unknown; after: unknown }>,
        requestId: r.request_id,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.at, last.id]) : null,
    };
  });
}
