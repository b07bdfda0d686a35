// Thin HTTP layer for key accounts: the group tree of a customer, its decision map, roles and relations.
import { z } from 'zod';
import { AccountTreeSchema, ContactRelationInput, DecisionMapSchema, DecisionRoleInput, IdSchema } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { keyAccountError } from './key-accounts.errors.js';
import * as ka from './key-accounts.service.js';

const IdParams = z.object({ id: IdSchema });
const tags = ['key-accounts'];

export function keyAccountsRoutes(app: App, db: Db) {
  app.get('/api/v1/key-accounts/:id/tree', {
    schema: { operationId: 'getAccountTree', summary: 'The parent/subsidiary tree a customer belongs to', errors: [keyAccountError.only('customer_not_found')], tags, params: IdParams, response: { 200: AccountTreeSchema } },
    preHandler: requirePermission('customers', 'read'),
  }, async (req) => ka.accountTree(db, requireAuth(req), req.params.id));

  app.get('/api/v1/key-accounts/:id/decision-map', {
    schema: { operationId: 'getDecisionMap', summary: 'A customer\'s decision map: contacts\' roles, influence, attitude and relations', errors: [keyAccountError.only('customer_not_found')], tags, params: IdParams, response: { 200: DecisionMapSchema } },
    preHandler: requirePermission('contacts', 'read'),
  }, async (req) => ka.decisionMap(db, requireAuth(req), req.params.id));

  app.put('/api/v1/decision-roles/:id', {
    schema: { operationId: 'setDecisionRole', summary: 'Set a contact\'s role in the decision, influence and attitude (id: the contact)', errors: [keyAccountError.only('contact_not_found')], tags, params: IdParams, body: DecisionRoleInput, response: { 200: DecisionMapSchema } },
    preHandler: requirePermission('contacts', 'update'),
  }, async (req) => ka.setDecisionRole(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/contact-relations', {
    schema: { operationId: 'addContactRelation', summary: 'Relate two contacts of a customer on its decision map', errors: [keyAccountError.only('contact_not_found', 'other_customer')], tags, body: ContactRelationInput, response: { 201: DecisionMapSchema } },
    preHandler: requirePermission('contacts', 'update'),
  }, async (req, reply) => reply.code(201).send(await ka.addRelation(db, requireAuth(req), req.body)));

  app.delete('/api/v1/contact-relations/:id', {
    schema: { operationId: 'removeContactRelation', summary: 'Remove a relation from a decision map', errors: [keyAccountError.only('relation_not_found')], tags, params: IdParams, response: { 200: DecisionMapSchema } },
    preHandler: requirePermission('contacts', 'update'),
  }, async (req) => ka.removeRelation(db, requireAuth(req), req.params.id));
}
