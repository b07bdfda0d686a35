// GET /api/v1/exports/tenant: an admin downloads all of the tenant's records (platform/export.ts) as a zip, streamed
// as it is written. The download is audited before the first byte leaves. Progress: the X-L2C-Export-Rows header
// gives the rows to come (the web shows it beside the bytes received) and the server log reports each table.
import { businessDate } from './clock.js';
import type { App } from './http.js';
import { inTenant, type Db } from './db.js';
import { requireAuth, requirePermission } from './auth.js';
import { recordAudit } from './audit.js';
import { exportTenant } from './export.js';

export function exportRoutes(app: App, db: Db) {
  app.get('/api/v1/exports/tenant', {
    schema: { operationId: 'exportTenant', download: ['application/zip'], summary: 'Export all of the tenant\'s data',
      tags: ['platform'],
      description: 'All of the tenant\'s records: one CSV per table, manifest.json (columns, row counts, SHA-256, personal-data fields) and SHA256SUMS, in a zip. Admins only; audited. Password and token hashes are never included.',
    },
    preHandler: requirePermission('settings', 'export'),
  }, async (req, reply) => {
    const auth = requireAuth(req);
    let lastLogged = 0;
    const { zip, done, rowsTotal } = await exportTenant(db, auth, (p) => {
      if (p.tableRows === p.tableTotal || p.rowsDone - lastLogged >= 50_000) {
        lastLogged = p.rowsDone;
        req.log.info({ table: p.table, tableRows: p.tableRows, rowsDone: p.rowsDone, rowsTotal: p.rowsTotal }, `tenant export: ${p.rowsDone}/${p.rowsTotal} rows`);
      }
    }, undefined, (rows) => inTenant(db, auth, (tx) => recordAudit(tx, auth, { action: 'export', entityType: 'tenant', entityId: auth.tenantId, changes: [{ field: 'rows', before: null, after: rows }] })));
    done.then(
      (m) => req.log.info({ files: m.files.length, rows: m.totalRows }, 'tenant export finished'),
      (err: Error) => req.log.error({ err }, 'tenant export failed'),
    );
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="l2c-tenant-export-${businessDate(new Date())}.zip"`)
      .header('x-l2c-export-rows', String(rowsTotal))
      .send(zip);
  });
}
