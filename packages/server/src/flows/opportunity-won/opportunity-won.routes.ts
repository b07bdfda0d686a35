// POST /opportunities/{id}/win: the opportunity won and, unless declined, its draft order contract.
import { z } from 'zod';
import { IdSchema, OpportunityWin, WinResult } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { opportunityError } from '../../domains/opportunities/index.js';
import { contractError } from '../../domains/contracts/index.js';
import { winOpportunity } from './opportunity-won.service.js';

export function opportunityWonRoutes(app: App, db: Db) {
  app.post('/api/v1/opportunities/:id/win', {
    schema: {
      operationId: 'winOpportunity', summary: 'Close an opportunity as won and draft its order contract', tags: ['opportunities'],
      errors: [opportunityError.only('not_found', 'closed'), contractError.only('customer_not_found', 'owner_not_found')],
      params: z.object({ id: IdSchema }), body: OpportunityWin, response: { 200: WinResult },
    },
    preHandler: requirePermission('opportunities', 'update'),
  }, async (req) => winOpportunity(db, requireAuth(req), req.params.id, req.body));
}
