// Thin HTTP layer for customers, contacts, follow-ups and the public pool.
import { z } from 'zod';
import {
  ContactInput, ContactSchema, ContactUpdate, CustomerAssign, CustomerCreate, CustomerListQuery, CustomerPage,
  CustomerSchema, CustomerUpdate, FollowUpInput, FollowUpSchema, PoolRelease, IdSchema,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { fastResponse } from '../../platform/fast-json.js';
import * as customers from './customers.service.js';
import * as pool from './pool.service.js';
import * as contacts from './contacts.service.js';

const IdParams = z.object({ id: IdSchema });
const tags = ['customers'];

export function customersRoutes(app: App, db: Db) {
  app.get('/api/v1/customers', {
    schema: { tags, querystring: CustomerListQuery, response: { 200: fastResponse(CustomerPage) } },
    preHandler: requirePermission('customers', 'read'),
  }, async (req) => customers.listCustomers(db, requireAuth(req), req.query));

  app.post('/api/v1/customers', {
    schema: { tags, body: CustomerCreate, response: { 201: CustomerSchema } },
    preHandler: requirePermission('customers', 'create'),
  }, async (req, reply) => reply.code(201).send(await customers.createCustomer(db, requireAuth(req), req.body)));

  app.get('/api/v1/customers/:id', {
    schema: { tags, params: IdParams, response: { 200: CustomerSchema } },
    preHandler: requirePermission('customers', 'read'),
  }, async (req) => customers.getCustomer(db, requireAuth(req), req.params.id));

  app.patch('/api/v1/customers/:id', {
    schema: { tags, params: IdParams, body: CustomerUpdate, response: { 200: CustomerSchema } },
    preHandler: requirePermission('customers', 'update'),
  }, async (req) => customers.updateCustomer(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/pool/customers', {
    schema: { tags: ['pool'], querystring: CustomerListQuery, response: { 200: CustomerPage } },
    preHandler: requirePermission('pool', 'read'),
  }, async (req) => customers.listCustomers(db, requireAuth(req), req.query, { poolOnly: true }));

  app.post('/api/v1/customers/:id/release', {
    schema: { tags: ['pool'], params: IdParams, body: PoolRelease, response: { 200: CustomerSchema } },
    preHandler: requirePermission('pool', 'release'),
  }, async (req) => pool.releaseToPool(db, requireAuth(req), req.params.id, req.body.reason));

  app.post('/api/v1/customers/:id/claim', {
    schema: { tags: ['pool'], params: IdParams, response: { 200: CustomerSchema } },
    preHandler: requirePermission('pool', 'claim'),
  }, async (req) => pool.claimFromPool(db, requireAuth(req), req.params.id));

  app.post('/api/v1/customers/:id/assign', {
    schema: { tags: ['pool'], params: IdParams, body: CustomerAssign, response: { 200: CustomerSchema } },
    preHandler: requirePermission('customers', 'assign'),
  }, async (req) => pool.assignOwner(db, requireAuth(req), req.params.id, req.body.ownerId, req.body.version));

  app.get('/api/v1/customers/:id/contacts', {
    schema: { tags: ['contacts'], params: IdParams, response: { 200: z.object({ items: z.array(ContactSchema) }) } },
    preHandler: requirePermission('contacts', 'read'),
  }, async (req) => contacts.listContacts(db, requireAuth(req), req.params.id));

  app.post('/api/v1/customers/:id/contacts', {
    schema: { tags: ['contacts'], params: IdParams, body: ContactInput, response: { 201: ContactSchema } },
    preHandler: requirePermission('contacts', 'create'),
  }, async (req, reply) => reply.code(201).send(await contacts.createContact(db, requireAuth(req), req.params.id, req.body)));

  app.patch('/api/v1/contacts/:id', {
    schema: { tags: ['contacts'], params: IdParams, body: ContactUpdate, response: { 200: ContactSchema } },
    preHandler: requirePermission('contacts', 'update'),
  }, async (req) => contacts.updateContact(db, requireAuth(req), req.params.id, req.body));

  app.delete('/api/v1/contacts/:id', {
    schema: { tags: ['contacts'], params: IdParams },
    preHandler: requirePermission('contacts', 'delete'),
  }, async (req, reply) => {
    await contacts.deleteContact(db, requireAuth(req), req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/v1/customers/:id/followups', {
    schema: { tags: ['followups'], params: IdParams, response: { 200: z.object({ items: z.array(FollowUpSchema) }) } },
    preHandler: requirePermission('followups', 'read'),
  }, async (req) => contacts.listFollowUps(db, requireAuth(req), req.params.id));

  app.post('/api/v1/customers/:id/followups', {
    schema: { tags: ['followups'], params: IdParams, body: FollowUpInput, response: { 201: FollowUpSchema } },
    preHandler: requirePermission('followups', 'create'),
  }, async (req, reply) => reply.code(201).send(await contacts.createFollowUp(db, requireAuth(req), req.params.id, req.body)));
}
