// Thin HTTP layer for visits: plan, list, check in, check out (with the record and the follow-up), cancel; and the
// customer's location the distances are measured from.
import { z } from 'zod';
import { CustomerLocationInput, CustomerLocationSchema, IdSchema, VisitCancel, VisitCheckIn, VisitCheckOut, VisitCreate, VisitListQuery, VisitPage, VisitSchema } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { visitError } from './visits.errors.js';
import * as visits from './visits.service.js';

const IdParams = z.object({ id: IdSchema });
const tags = ['visits'];

export function visitsRoutes(app: App, db: Db) {
  app.get('/api/v1/visits', {
    schema: { operationId: 'listVisits', summary: 'List visits (a rep\'s plan: by day)', tags, querystring: VisitListQuery, response: { 200: VisitPage } },
    preHandler: requirePermission('visits', 'read'),
  }, async (req) => visits.listVisits(db, requireAuth(req), req.query));

  app.post('/api/v1/visits', {
    schema: { operationId: 'planVisit', summary: 'Plan a visit to a customer', errors: [visitError.only('customer_not_found', 'contact_not_found', 'opportunity_not_found')], tags, body: VisitCreate, response: { 201: VisitSchema } },
    preHandler: requirePermission('visits', 'create'),
  }, async (req, reply) => reply.code(201).send(await visits.createVisit(db, requireAuth(req), req.body)));

  app.get('/api/v1/visits/:id', {
    schema: { operationId: 'getVisit', summary: 'Get a visit', errors: [visitError.only('not_found')], tags, params: IdParams, response: { 200: VisitSchema } },
    preHandler: requirePermission('visits', 'read'),
  }, async (req) => visits.getVisit(db, requireAuth(req), req.params.id));

  app.post('/api/v1/visits/:id/check-in', {
    schema: { operationId: 'checkInVisit', summary: 'Check in: where and when, and the distance from the customer', errors: [visitError.only('not_found', 'bad_status')], tags, params: IdParams, body: VisitCheckIn, response: { 200: VisitSchema } },
    preHandler: requirePermission('visits', 'update'),
  }, async (req) => visits.checkIn(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/visits/:id/check-out', {
    schema: { operationId: 'checkOutVisit', summary: 'Check out with the visit record; recorded as the customer\'s follow-up with its next step', errors: [visitError.only('not_found', 'bad_status')], tags, params: IdParams, body: VisitCheckOut, response: { 200: VisitSchema } },
    preHandler: requirePermission('visits', 'update'),
  }, async (req) => visits.checkOut(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/visits/:id/cancel', {
    schema: { operationId: 'cancelVisit', summary: 'Cancel a planned visit', errors: [visitError.only('not_found', 'bad_status')], tags, params: IdParams, body: VisitCancel, response: { 200: VisitSchema } },
    preHandler: requirePermission('visits', 'update'),
  }, async (req) => visits.cancelVisit(db, requireAuth(req), req.params.id, req.body.version));

  app.get('/api/v1/customer-locations/:id', {
    schema: { operationId: 'getCustomerLocation', summary: 'Where a customer is (the reference of visit distances)', tags, params: IdParams, response: { 200: CustomerLocationSchema } },
    preHandler: requirePermission('visits', 'read'),
  }, async (req) => visits.getLocation(db, requireAuth(req), req.params.id));

  app.put('/api/v1/customer-locations/:id', {
    schema: { operationId: 'setCustomerLocation', summary: 'Set where a customer is (WGS-84 degrees)', tags, params: IdParams, body: CustomerLocationInput, response: { 200: CustomerLocationSchema } },
    preHandler: requirePermission('visits', 'update'),
  }, async (req) => visits.setLocation(db, requireAuth(req), req.params.id, req.body));
}
