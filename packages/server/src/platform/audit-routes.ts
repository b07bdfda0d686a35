// Reading the audit trail. Whoever holds audit:read over the whole tenant (admins, finance, executives) queries it
// freely. Anyone else may read the history of one record they can see, checked by the owning domain's visibility
// function (out of scope is a 404, as for a record that does not exist); beyond that, a reader with audit:read and a
// narrower scope (a sales manager) sees the actions of the people in their scope — the filter is in the SQL.
import { sql, type RawBuilder } from 'kysely';
import { AuditListQuery, AuditPage, can } from '@l2c/shared';
import type { App } from './http.js';
import { inTenant, type Db } from './db.js';
import { requireAuth, type AuthContext } from './auth.js';
import { commonError } from './errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

export type VisibilityCheck = (db: Db, auth: AuthContext, id: string) => Promise<boolean>;

interface AuditRow { id: string; at: string; actor_id: string | null; actor_name: string | null; action: string; entity_type: string; entity_id: string; changes: unknown; request_id: string | null }

export function auditRoutes(app: App, db: Db, visibility: Record<string, VisibilityCheck>) {
  app.get('/api/v1/audit', {
    schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: AuditPage } },
  }, async (req) => {
    const auth = requireAuth(req);
    const query = req.query;
    const scoped: RawBuilder<unknown>[] = [];
    if (!can(auth.role, 'audit', 'read') || auth.scope !== 'all') {
      const check = query.entityType && query.entityId ? visibility[query.entityType] : undefined;
      if (check) {
        if (!(await check(db, auth, query.entityId!))) throw commonError('not_found');
      } else if (can(auth.role, 'audit', 'read')) {
        scoped.push(sql`a.actor_id = any(array(select visible_owner_ids(${auth.userId}::uuid, ${auth.scope})))`);
      } else {
        throw commonError('forbidden', 'Only the history of one record you can see');
      }
    }
    const after = decodeCursor(query.cursor, ['instant', 'uuid']) as [string, string] | null;
    const where = [sql`true`, ...scoped];
    if (query.entityType) where.push(sql`a.entity_type = ${query.entityType}`);
    if (query.entityId) where.push(sql`a.entity_id = ${query.entityId}`);
    if (query.actorId) where.push(sql`a.actor_id = ${query.actorId}`);
    if (query.action) where.push(sql`a.action = ${query.action}`);
    if (query.from) where.push(sql`a.at >= ${query.from}::timestamptz`);
    if (query.to) where.push(sql`a.at < ${query.to}::timestamptz`);
    if (after) where.push(sql`(a.at, a.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const rows = await inTenant(db, auth, async (tx) => (await sql<AuditRow>`
      select a.id, a.at, a.actor_id, u.name as actor_name, a.action, a.entity_type, a.entity_id, a.changes, a.request_id
      from audit_log a left join users u on u.id = a.actor_id
      where ${sql.join(where, sql` and `)} order by a.at desc, a.id desc limit ${query.limit + 1}`.execute(tx)).rows);
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
