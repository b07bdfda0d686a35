// Thin HTTP layer for merges: a dry-run preview and the merge of a duplicate into the record of the path (customers,
// contacts, leads), the merge history in the caller's scope, and the undo.
import { z } from 'zod';
import { ContactMergeInput, CustomerMergeInput, IdSchema, LeadMergeInput, MergeJobList, MergeJobSchema, MergeListQuery, MergePreviewSchema, UndoMergeInput } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { dedupError } from '../../domains/dedup/index.js';
import * as merge from './merge.service.js';

const tags = ['dedup'];
const IdParams = z.object({ id: IdSchema });
const refusals = dedupError.only('record_not_found', 'same_record', 'already_merged', 'money_facts', 'not_movable', 'different_customers');

export function mergeRoutes(app: App, db: Db) {
  const kinds = [
    { segment: 'customers', object: 'customer', body: CustomerMergeInput, field: 'customerId', name: 'Customer' },
    { segment: 'contacts', object: 'contact', body: ContactMergeInput, field: 'contactId', name: 'Contact' },
    { segment: 'leads', object: 'lead', body: LeadMergeInput, field: 'leadId', name: 'Lead' },
  ] as const;
  for (const k of kinds) {
    app.post(`/api/v1/${k.segment}/:id/merge-preview`, {
      schema: { operationId: `preview${k.name}Merge`, summary: `Preview merging a duplicate ${k.object} into this one`, tags, errors: [refusals], params: IdParams, body: k.body, response: { 200: MergePreviewSchema },
        description: `Dry run: both ${k.object}s side by side, the merged values the field choices give, and per related table how many records would move to this ${k.object}. Refused like the merge itself (money facts, a table nothing moves). Writes nothing.` },
      preHandler: requirePermission('dedup', 'update'),
    }, async (req) => merge.previewMerge(db, requireAuth(req), k.object, req.params.id, (req.body as unknown as Record<string, string>)[k.field]!, req.body.fields));

    app.post(`/api/v1/${k.segment}/:id/merge`, {
      schema: { operationId: `merge${k.name}`, summary: `Merge a duplicate ${k.object} into this one`, tags, errors: [refusals], params: IdParams, body: k.body, response: { 201: MergeJobSchema },
        description: `In one transaction: this ${k.object} takes the chosen values, every related record of the duplicate moves to it through its owner, the duplicate is marked merged (it leaves lists and matching). A customer with money facts (contracts, receivables, payments, invoices, ledger entries) is never merged away: 409 dedup.money_facts. Audited; undo with POST /merges/{id}/undo.` },
      preHandler: requirePermission('dedup', 'update'),
    }, async (req, reply) => reply.code(201).send(await merge.executeMerge(db, requireAuth(req), k.object, req.params.id, (req.body as unknown as Record<string, string>)[k.field]!, req.body.fields)));
  }

  app.get('/api/v1/merges', {
    schema: { operationId: 'listMerges', summary: 'Recent merges', tags, querystring: MergeListQuery, response: { 200: MergeJobList },
      description: 'Merges whose master\'s owner is in the caller\'s data scope, newest first.' },
    preHandler: requirePermission('dedup', 'read'),
  }, async (req) => merge.listMerges(db, requireAuth(req), req.query.object, req.query.limit));

  app.get('/api/v1/merges/:id', {
    schema: { operationId: 'getMerge', summary: 'A merge', tags, errors: [dedupError.only('merge_not_found')], params: IdParams, response: { 200: MergeJobSchema } },
    preHandler: requirePermission('dedup', 'read'),
  }, async (req) => merge.getMerge(db, requireAuth(req), req.params.id));

  app.post('/api/v1/merges/:id/undo', {
    schema: { operationId: 'undoMerge', summary: 'Undo a merge', tags, errors: [dedupError.only('merge_not_found', 'already_undone', 'not_latest', 'changed_since')], params: IdParams, body: UndoMergeInput, response: { 200: MergeJobSchema },
      description: 'From the merge\'s facts: the master\'s merged fields go back, every moved record moves back through its owner, the duplicate is a record of its own again. Refused when a later merge involves these records, or when the master\'s merged fields were edited since. Audited.' },
    preHandler: requirePermission('dedup', 'update'),
  }, async (req) => merge.undoMerge(db, requireAuth(req), req.params.id));
}
