// Thin HTTP layer for reading bad-debt requests (creating and deciding them is in the write-off flow's routes).
import { z } from 'zod';
import { BadDebtRequestListQuery, BadDebtRequestPage, BadDebtRequestSchema, IdSchema } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { receivableError } from './receivables.errors.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import * as badDebt from './bad-debt-requests.service.js';

const tags = ['receivables'];

export function badDebtRequestsRoutes(app: App, db: Db) {
  app.get('/api/v1/bad-debt-requests', {
    schema: { operationId: 'listBadDebtRequests',
      tags,
      summary: 'List bad-debt requests',
      description: 'Filters: status (comma-separated), customerId, receivableId, q (receivable number or customer name); '
        + 'mine=awaiting lists the pending requests the caller may decide. Only requests on receivables in the caller\'s data scope.',
      querystring: BadDebtRequestListQuery,
      response: { 200: BadDebtRequestPage },
    },
    preHandler: requirePermission('receivables', 'read'),
  }, async (req) => badDebt.listBadDebtRequests(db, requireAuth(req), req.query));

  app.get('/api/v1/bad-debt-requests/:id', {
    schema: { operationId: 'getBadDebtRequest', errors: [receivableError.only('bad_debt_request_not_found')], tags, summary: 'One bad-debt request', params: z.object({ id: IdSchema }), response: { 200: BadDebtRequestSchema } },
    preHandler: requirePermission('receivables', 'read'),
  }, async (req) => badDebt.getBadDebtRequest(db, requireAuth(req), req.params.id));
}
