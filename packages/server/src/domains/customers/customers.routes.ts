// Thin HTTP layer for customers, contacts, follow-ups and the public pool.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import {
  ContactInput, ContactSchema, ContactUpdate, CustomerAssign, CustomerCreate, CustomerListQuery, CustomerPage,
  CustomerSchema, CustomerUpdate, FollowUpInput, FollowUpSchema, PoolRelease, IdSchema,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { NoContent } from '../../platform/openapi.js';
import { customerError } from './customers.errors.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { fastResponse } from '../../platform/fast-json.js';
import * as customers from './customers.service.js';
import * as pool from './pool.service.js';
import * as contacts from './contacts.service.js';

const IdParams = z.object({ id: IdSchema });

/**
 * A search and nothing but its page (no grade, industry, region, source or owner beside the term) keeps PostgreSQL's
 * generic plan (platform/auth.ts genericPlans): its rows come from the gram index or from the search's own head and
 * tail, decided inside the statement (customers.sql.ts listCustomers), not from a parameter's selectivity, so the plan
 * made once is the plan made per call — without its 2–2.5 ms of planning per page. Checked at 100k customers, as the
 * admin and as owners of 4,108 and of no customers: server time per page 恒通 3.7 → 0.9–1.6 ms, hzht 6.7 → 4.6 ms,
 * 科技 (broad) 11.3 → 7.5–9.8 ms, the same rows (docs/benchmarks.md, session 9). A filter beside the term is planned
 * per call, as the plain list is: a rare grade walked along the sort index would read the whole tenant.
 */
const PLAIN_SEARCH_KEYS = new Set(['q', 'sort', 'limit', 'cursor']);
export function isPlainSearch(req: FastifyRequest): boolean {
  return isPlainSearchQuery(req.query as Record<string, unknown>);
}
/** The same decision from the query string's fields (the list bench plans its bare transaction by it). */
export function isPlainSearchQuery(query: Record<string, unknown>): boolean {
  return typeof query.q === 'string' && query.q.trim() !== '' && Object.keys(query).every((k) => PLAIN_SEARCH_KEYS.has(k));
}
const tags = ['customers'];

export function customersRoutes(app: App, db: Db) {
  app.get('/api/v1/customers', {
    schema: { operationId: 'listCustomers', summary: 'List customers', description: 'Customers in the caller\'s data scope (not those in the public pool), filtered and sorted; a page at a time.', tags, querystring: CustomerListQuery, response: { 200: fastResponse(CustomerPage) } },
    preHandler: requirePermission('customers', 'read'),
    // begin + settings with the authentication (platform/request-tx.ts): one inTenant, nothing before it
    config: { openTx: true, genericPlans: isPlainSearch },
  }, async (req) => customers.listCustomers(db, requireAuth(req), req.query));

  app.post('/api/v1/customers', {
    schema: { operationId: 'createCustomer', summary: 'Create a customer', description: 'Checks the unified social credit code and looks for duplicates (same credit code, similar name, same phone): possible duplicates answer 409 `customers.duplicate` with `candidates`; send `allowDuplicate: true` to create anyway.', errors: [customerError.only('duplicate', 'duplicate_credit_code', 'owner_not_found', 'parent_invalid')], tags, body: CustomerCreate, response: { 201: CustomerSchema } },
    preHandler: requirePermission('customers', 'create'),
  }, async (req, reply) => reply.code(201).send(await customers.createCustomer(db, requireAuth(req), req.body)));

  app.get('/api/v1/customers/:id', {
    schema: { operationId: 'getCustomer', summary: 'Get a customer', errors: [customerError.only('not_found')], tags, params: IdParams, response: { 200: CustomerSchema } },
    preHandler: requirePermission('customers', 'read'),
  }, async (req) => customers.getCustomer(db, requireAuth(req), req.params.id));

  app.patch('/api/v1/customers/:id', {
    schema: { operationId: 'updateCustomer', summary: 'Update a customer', errors: [customerError.only('not_found', 'duplicate_credit_code', 'in_pool', 'parent_invalid', 'owner_not_found')], tags, params: IdParams, body: CustomerUpdate, response: { 200: CustomerSchema } },
    preHandler: requirePermission('customers', 'update'),
  }, async (req) => customers.updateCustomer(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/pool/customers', {
    schema: { operationId: 'listPoolCustomers', summary: 'List the customers in the public pool', description: 'The public pool 公海: customers without an owner, open to every rep for claiming.', tags: ['pool'], querystring: CustomerListQuery, response: { 200: CustomerPage } },
    preHandler: requirePermission('pool', 'read'),
    config: { openTx: true }, // as the customer list
  }, async (req) => customers.listCustomers(db, requireAuth(req), req.query, { poolOnly: true }));

  app.post('/api/v1/customers/:id/release', {
    schema: { operationId: 'releaseCustomer', summary: 'Release a customer to the public pool', errors: [customerError.only('not_found', 'in_pool')], tags: ['pool'], params: IdParams, body: PoolRelease, response: { 200: CustomerSchema } },
    preHandler: requirePermission('pool', 'release'),
  }, async (req) => pool.releaseToPool(db, requireAuth(req), req.params.id, req.body.reason));

  app.post('/api/v1/customers/:id/claim', {
    schema: { operationId: 'claimCustomer', summary: 'Claim a customer from the public pool', description: 'The caller becomes the owner; a daily cap per user applies (pool settings).', errors: [customerError.only('not_found', 'not_in_pool', 'claim_cap_reached')], tags: ['pool'], params: IdParams, response: { 200: CustomerSchema } },
    preHandler: requirePermission('pool', 'claim'),
  }, async (req) => pool.claimFromPool(db, requireAuth(req), req.params.id));

  app.post('/api/v1/customers/:id/assign', {
    schema: { operationId: 'assignCustomer', summary: 'Assign a customer to an owner', errors: [customerError.only('not_found', 'owner_not_found')], tags: ['pool'], params: IdParams, body: CustomerAssign, response: { 200: CustomerSchema } },
    preHandler: requirePermission('customers', 'assign'),
  }, async (req) => pool.assignOwner(db, requireAuth(req), req.params.id, req.body.ownerId, req.body.version));

  app.get('/api/v1/customers/:id/contacts', {
    schema: { operationId: 'listContacts', summary: 'List a customer\'s contacts', errors: [customerError.only('not_found')], tags: ['contacts'], params: IdParams, response: { 200: z.object({ items: z.array(ContactSchema) }) } },
    preHandler: requirePermission('contacts', 'read'),
  }, async (req) => contacts.listContacts(db, requireAuth(req), req.params.id));

  app.post('/api/v1/customers/:id/contacts', {
    schema: { operationId: 'createContact', summary: 'Add a contact to a customer', errors: [customerError.only('not_found', 'in_pool')], tags: ['contacts'], params: IdParams, body: ContactInput, response: { 201: ContactSchema } },
    preHandler: requirePermission('contacts', 'create'),
  }, async (req, reply) => reply.code(201).send(await contacts.createContact(db, requireAuth(req), req.params.id, req.body)));

  app.patch('/api/v1/contacts/:id', {
    schema: { operationId: 'updateContact', summary: 'Update a contact', errors: [customerError.only('contact_not_found')], tags: ['contacts'], params: IdParams, body: ContactUpdate, response: { 200: ContactSchema } },
    preHandler: requirePermission('contacts', 'update'),
  }, async (req) => contacts.updateContact(db, requireAuth(req), req.params.id, req.body));

  app.delete('/api/v1/contacts/:id', {
    schema: { operationId: 'deleteContact', summary: 'Delete a contact', errors: [customerError.only('contact_not_found')], tags: ['contacts'], params: IdParams, response: { 204: NoContent } },
    preHandler: requirePermission('contacts', 'delete'),
  }, async (req, reply) => {
    await contacts.deleteContact(db, requireAuth(req), req.params.id);
    return reply.code(204).send(undefined);
  });

  app.get('/api/v1/customers/:id/followups', {
    schema: { operationId: 'listFollowUps', summary: 'List a customer\'s follow-ups', errors: [customerError.only('not_found')], tags: ['followups'], params: IdParams, response: { 200: z.object({ items: z.array(FollowUpSchema) }) } },
    preHandler: requirePermission('followups', 'read'),
  }, async (req) => contacts.listFollowUps(db, requireAuth(req), req.params.id));

  app.post('/api/v1/customers/:id/followups', {
    schema: { operationId: 'createFollowUp', summary: 'Record a follow-up', errors: [customerError.only('not_found', 'contact_not_found', 'in_pool')], tags: ['followups'], params: IdParams, body: FollowUpInput, response: { 201: FollowUpSchema } },
    preHandler: requirePermission('followups', 'create'),
  }, async (req, reply) => reply.code(201).send(await contacts.createFollowUp(db, requireAuth(req), req.params.id, req.body)));
}
