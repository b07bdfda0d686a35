// Thin HTTP layer for contracts: CRUD, compliance, submit, sign (JSON with base64 or multipart), status changes,
// deliveries, amendments, approval history and performance alerts.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import {
  AmendmentInput, AmendmentList, AmendmentSchema, ApprovalRequestSchema, ComplianceSchema, ContractAction, ContractAlertList, ContractInput,
  ContractListQuery, ContractPage, ContractSchema, ContractSign, ContractSubmitResult, ContractTransition, ContractUpdate, DeliveryInput, IdSchema, BusinessDateSchema,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { commonError } from '../../platform/errors.js';
import { contractError } from './contracts.errors.js';
import { approvalError } from '../approvals/index.js';
import * as contracts from './contracts.service.js';
import * as lifecycle from './lifecycle.service.js';
import * as amendments from './amendments.service.js';
import * as performance from './performance.service.js';
import type { BookInstalment } from './booking.js';

const IdParams = z.object({ id: IdSchema });
const tags = ['contracts'];
const SignFields = ContractSign.omit({ file: true });
const FileMeta = ContractSign.shape.file.pick({ name: true, contentType: true });

function invalid(issues: z.core.$ZodIssue[]): never {
  const errors = issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message }));
  throw commonError('invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

/** The sign request as JSON (file as base64) or multipart (fields plus a file part). */
async function readSign(req: FastifyRequest): Promise<lifecycle.SignInput> {
  if (req.isMultipart()) {
    const fields: Record<string, unknown> = {};
    let file: lifecycle.SignInput['file'] | null = null;
    for await (const part of req.parts()) {
      if (part.type === 'file') file = { name: part.filename || 'signed.pdf', contentType: part.mimetype || 'application/octet-stream', content: await part.toBuffer() };
      else fields[part.fieldname] = part.value;
    }
    let signatories: unknown = fields.signatories;
    try { if (typeof signatories === 'string') signatories = JSON.parse(signatories); } catch { /* the schema names it */ }
    const parsed = SignFields.safeParse({ signedOn: fields.signedOn, signatories, version: fields.version === undefined ? undefined : Number(fields.version) });
    if (!parsed.success) invalid(parsed.error.issues);
    if (!file) throw contractError('bad_file', undefined, { errors: [{ path: 'file', message: 'attach the signed file as a part named "file"' }] });
    // The part's file name and type are client text like the JSON form's: the same rules (no NUL, at most 200 characters).
    const meta = FileMeta.safeParse({ name: file.name, contentType: file.contentType });
    if (!meta.success) invalid(meta.error.issues.map((i) => ({ ...i, path: ['file', ...i.path] })));
    return { ...parsed.data, file: { ...file, ...meta.data } };
  }
  const parsed = ContractSign.safeParse(req.body);
  if (!parsed.success) invalid(parsed.error.issues);
  const b64 = parsed.data.file.base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw contractError('bad_file', undefined, { errors: [{ path: 'file.base64', message: 'not valid base64' }] });
  return { ...parsed.data, file: { name: parsed.data.file.name, contentType: parsed.data.file.contentType, content: Buffer.from(b64, 'base64') } };
}

/** What the contract routes need from outside the domain, given by app.ts. */
export interface ContractsDeps {
  /** Books an instalment's receivable when signing or a delivery triggers it (flows/contract-receivables). */
  bookInstalment: BookInstalment;
}

export function contractsRoutes(app: App, db: Db, deps: ContractsDeps) {
  app.get('/api/v1/contracts', {
    schema: { operationId: 'listContracts', summary: 'List contracts', tags, querystring: ContractListQuery, response: { 200: ContractPage } },
    preHandler: requirePermission('contracts', 'read'),
  }, async (req) => contracts.listContracts(db, requireAuth(req), req.query));

  app.post('/api/v1/contracts', {
    schema: { operationId: 'createContract', summary: 'Create a contract', errors: [contractError.only('customer_not_found', 'framework_invalid', 'owner_not_found')], tags, body: ContractInput, response: { 201: ContractSchema } },
    preHandler: requirePermission('contracts', 'create'),
  }, async (req, reply) => reply.code(201).send(await contracts.createContract(db, requireAuth(req), req.body)));

  app.get('/api/v1/contracts/alerts', {
    schema: { operationId: 'listContractAlerts', summary: 'List contract performance alerts', tags, querystring: z.object({ asOf: BusinessDateSchema.optional() }), response: { 200: ContractAlertList } },
    preHandler: requirePermission('contracts', 'read'),
  }, async (req) => performance.contractAlerts(db, requireAuth(req), req.query.asOf));

  app.get('/api/v1/contracts/:id', {
    schema: { operationId: 'getContract', summary: 'Get a contract', errors: [contractError.only('not_found')], tags, params: IdParams, response: { 200: ContractSchema } },
    preHandler: requirePermission('contracts', 'read'),
  }, async (req) => contracts.getContract(db, requireAuth(req), req.params.id));

  app.patch('/api/v1/contracts/:id', {
    schema: { operationId: 'updateContract', summary: 'Update a draft contract', errors: [contractError.only('not_found', 'not_editable', 'terms_locked', 'customer_not_found', 'framework_invalid', 'owner_not_found')], tags, params: IdParams, body: ContractUpdate, response: { 200: ContractSchema } },
    preHandler: requirePermission('contracts', 'update'),
  }, async (req) => contracts.updateContract(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/contracts/:id/compliance', {
    schema: { operationId: 'checkContractCompliance', summary: 'Check a contract\'s compliance', errors: [contractError.only('not_found')], tags, params: IdParams, response: { 200: ComplianceSchema } },
    preHandler: requirePermission('contracts', 'read'),
  }, async (req) => lifecycle.complianceOf(db, requireAuth(req), req.params.id));

  app.post('/api/v1/contracts/:id/submit', {
    schema: { operationId: 'submitContract', summary: 'Submit a contract for approval', errors: [contractError.only('not_found', 'bad_status', 'compliance_failed', 'credit_exceeded'), approvalError.only('already_pending', 'no_approver')], tags, params: IdParams, body: ContractAction, response: { 200: ContractSubmitResult } },
    preHandler: requirePermission('contracts', 'update'),
  }, async (req) => lifecycle.submitContract(db, requireAuth(req), req.params.id, req.body.version));

  app.post('/api/v1/contracts/:id/sign', {
    schema: { operationId: 'signContract', summary: 'Sign a contract', errors: [contractError.only('not_found', 'bad_status', 'bad_file')], tags, params: IdParams, response: { 200: ContractSchema }, description: 'JSON (ContractSign, file as base64) or multipart/form-data: signedOn, signatories (JSON), version, file.' },
    bodyLimit: 15 * 1024 * 1024,
    preHandler: requirePermission('contracts', 'update'),
  }, async (req) => lifecycle.signContract(db, requireAuth(req), req.params.id, await readSign(req), deps.bookInstalment));

  app.get('/api/v1/contracts/:id/file', {
    schema: { operationId: 'downloadContractFile', download: ['application/pdf', 'application/octet-stream'], summary: 'Download the signed contract file', errors: [contractError.only('not_found')], tags, params: IdParams },
    preHandler: requirePermission('contracts', 'read'),
  }, async (req, reply) => {
    const f = await lifecycle.signedFile(db, requireAuth(req), req.params.id);
    return reply.type(f.content_type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.file_name)}`)
      .header('x-content-sha256', f.sha256).send(f.content);
  });

  app.post('/api/v1/contracts/:id/status', {
    schema: { operationId: 'transitionContract', summary: 'Change a contract\'s status', errors: [contractError.only('not_found', 'bad_status')], tags, params: IdParams, body: ContractTransition, response: { 200: ContractSchema } },
    preHandler: requirePermission('contracts', 'update'),
  }, async (req) => lifecycle.transitionContract(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/contracts/:id/deliveries', {
    schema: { operationId: 'recordDelivery', summary: 'Record a delivery or acceptance', description: 'Triggers the matching instalments: their receivables are booked.', errors: [contractError.only('not_found', 'bad_status', 'instalment_not_found')], tags, params: IdParams, body: DeliveryInput, response: { 200: ContractSchema } },
    preHandler: requirePermission('contracts', 'update'),
  }, async (req) => performance.markDelivered(db, requireAuth(req), req.params.id,
    req.body.instalmentId ? { instalmentId: req.body.instalmentId } : { milestone: req.body.milestone! }, req.body.deliveredOn, deps.bookInstalment));

  app.get('/api/v1/contracts/:id/approvals', {
    schema: { operationId: 'listContractApprovals', summary: 'List a contract\'s approval requests', errors: [contractError.only('not_found')], tags, params: IdParams, response: { 200: z.object({ items: z.array(ApprovalRequestSchema) }) } },
    preHandler: requirePermission('contracts', 'read'),
  }, async (req) => lifecycle.contractApprovals(db, requireAuth(req), req.params.id));

  app.get('/api/v1/contracts/:id/amendments', {
    schema: { operationId: 'listAmendments', summary: 'List a contract\'s amendments', errors: [contractError.only('not_found')], tags, params: IdParams, response: { 200: AmendmentList } },
    preHandler: requirePermission('contracts', 'read'),
  }, async (req) => amendments.listAmendments(db, requireAuth(req), req.params.id));

  app.post('/api/v1/contracts/:id/amendments', {
    schema: { operationId: 'createAmendment', summary: 'Propose an amendment', description: 'An amendment 补充协议 of a signed contract; it goes through approval.', errors: [contractError.only('not_found', 'bad_status', 'amendment_pending', 'compliance_failed'), approvalError.only('already_pending', 'no_approver')], tags, params: IdParams, body: AmendmentInput, response: { 201: AmendmentSchema } },
    preHandler: requirePermission('contracts', 'update'),
  }, async (req, reply) => reply.code(201).send(await amendments.createAmendment(db, requireAuth(req), req.params.id, req.body)));
}
