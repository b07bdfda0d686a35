// Thin HTTP layer of the catalog. Everyone with the catalog read permission reads what is sellable; writes need an
// admin or a product manager (checked in the services, inside the transaction: access.ts).
import { z } from 'zod';
import {
  BundleSchema, BundleStructureInput, CatalogImportReport, CatalogManagersInput, CatalogManagersSchema, ConfigResultSchema, ConfigureInput,
  GenerateVariantsInput, GenerateVariantsResult, IdSchema, ProductLineInput, ProductLineSchema, ProductLineUpdate, SkuInput, SkuListQuery,
  SkuPage, SkuSchema, SkuUpdate, SpuInput, SpuListQuery, SpuPage, SpuSchema, SpuUpdate, UnitInput, UnitSchema,
} from '@l2c/shared';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { commonError } from '../../platform/errors.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { catalogError } from './catalog.errors.js';
import * as admin from './admin.service.js';
import * as spus from './spus.service.js';
import * as skus from './skus.admin.js';
import * as bundles from './bundles.admin.js';
import * as excel from './excel.service.js';

const tags = ['catalog'];
const Params = z.object({ id: IdSchema });
const read = requirePermission('catalog', 'read');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const manageErrors = [catalogError.only('not_found', 'forbidden'), commonError.only('version_conflict', 'invalid')];

async function readUpload(req: FastifyRequest): Promise<Readable> {
  const bad = () => catalogError('bad_workbook', 'Send the workbook as multipart/form-data in the field "file"', { errors: [{ path: 'file', message: 'send the .xlsx as multipart/form-data in the field "file"' }] });
  if (!req.isMultipart()) throw bad();
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw bad();
  return part.file;
}

export function catalogRoutes(app: App, db: Db) {
  app.get('/api/v1/catalog/product-lines', {
    schema: { operationId: 'listProductLines', summary: 'List product lines', tags, response: { 200: z.object({ items: z.array(ProductLineSchema) }) } },
    preHandler: read,
  }, async (req) => admin.listProductLines(db, requireAuth(req)));

  app.post('/api/v1/catalog/product-lines', {
    schema: { operationId: 'createProductLine', summary: 'Create a product line', tags, errors: manageErrors, body: ProductLineInput, response: { 201: ProductLineSchema } },
    preHandler: read,
  }, async (req, reply) => reply.code(201).send(await admin.createProductLine(db, requireAuth(req), req.body)));

  app.patch('/api/v1/catalog/product-lines/:id', {
    schema: { operationId: 'updateProductLine', summary: 'Rename or (in)activate a product line', tags, errors: manageErrors, params: Params, body: ProductLineUpdate, response: { 200: ProductLineSchema } },
    preHandler: read,
  }, async (req) => admin.updateProductLine(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/catalog/units', {
    schema: { operationId: 'listCatalogUnits', summary: 'List units of measure', tags, response: { 200: z.object({ items: z.array(UnitSchema) }) } },
    preHandler: read,
  }, async (req) => admin.listUnits(db, requireAuth(req)));

  app.post('/api/v1/catalog/units', {
    schema: { operationId: 'createCatalogUnit', summary: 'Create a unit of measure', tags, errors: manageErrors, body: UnitInput, response: { 201: UnitSchema } },
    preHandler: read,
  }, async (req, reply) => reply.code(201).send(await admin.createUnit(db, requireAuth(req), req.body)));

  app.get('/api/v1/catalog/managers', {
    schema: { operationId: 'listCatalogManagers', summary: 'Product managers, and whether the caller may change the catalog', tags, response: { 200: CatalogManagersSchema } },
    preHandler: read,
  }, async (req) => admin.getManagers(db, requireAuth(req)));

  app.put('/api/v1/catalog/managers', {
    schema: { operationId: 'setCatalogManagers', summary: 'Set the product managers', tags, body: CatalogManagersInput, response: { 200: CatalogManagersSchema },
      description: 'Admins only: the users who may change the catalog besides admins (the product manager capability).' },
    preHandler: requirePermission('catalog', 'update'),
  }, async (req) => admin.setManagers(db, requireAuth(req), req.body));

  app.get('/api/v1/catalog/spus', {
    schema: { operationId: 'listSpus', summary: 'List products (SPUs)', tags, querystring: SpuListQuery, response: { 200: SpuPage } },
    preHandler: read,
  }, async (req) => spus.listSpus(db, requireAuth(req), req.query));

  app.post('/api/v1/catalog/spus', {
    schema: { operationId: 'createSpu', summary: 'Create a product (SPU)', tags, errors: manageErrors, body: SpuInput, response: { 201: SpuSchema } },
    preHandler: read,
  }, async (req, reply) => reply.code(201).send(await spus.createSpu(db, requireAuth(req), req.body)));

  app.get('/api/v1/catalog/spus/:id', {
    schema: { operationId: 'getSpu', summary: 'Get a product (SPU)', tags, errors: [catalogError.only('not_found')], params: Params, response: { 200: SpuSchema } },
    preHandler: read,
  }, async (req) => spus.getSpu(db, requireAuth(req), req.params.id));

  app.patch('/api/v1/catalog/spus/:id', {
    schema: { operationId: 'updateSpu', summary: 'Change a product (SPU)', tags, errors: manageErrors, params: Params, body: SpuUpdate, response: { 200: SpuSchema },
      description: 'Attributes, exclusions, units, sellable scope, tax and status; changes are audited. Existing SKUs keep their combination.' },
    preHandler: read,
  }, async (req) => spus.updateSpu(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/catalog/spus/:id/generate-skus', {
    schema: { operationId: 'generateSkus', summary: 'Generate the SKU variants of a product', tags, errors: [...manageErrors, catalogError.only('too_many_variants')], params: Params,
      body: GenerateVariantsInput, response: { 200: GenerateVariantsResult },
      description: 'One SKU per combination of the attribute values, minus the excluded combinations and those that already have a SKU.' },
    preHandler: read,
  }, async (req) => spus.generateSkus(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/catalog/skus', {
    schema: { operationId: 'listSkus', summary: 'List SKUs', tags, querystring: SkuListQuery, response: { 200: SkuPage },
      description: 'Sellable SKUs (active, of an active product, within the scope for grade / channel / region when given); product managers see all. Cost only for those who may see it.' },
    preHandler: read,
  }, async (req) => skus.listSkus(db, requireAuth(req), req.query));

  app.post('/api/v1/catalog/skus', {
    schema: { operationId: 'createSku', summary: 'Create a SKU by hand', tags, errors: manageErrors, body: SkuInput, response: { 201: SkuSchema } },
    preHandler: read,
  }, async (req, reply) => reply.code(201).send(await skus.createSku(db, requireAuth(req), req.body)));

  app.get('/api/v1/catalog/skus/:id', {
    schema: { operationId: 'getSku', summary: 'Get a SKU', tags, errors: [catalogError.only('not_found')], params: Params, response: { 200: SkuSchema } },
    preHandler: read,
  }, async (req) => skus.getSku(db, requireAuth(req), req.params.id));

  app.patch('/api/v1/catalog/skus/:id', {
    schema: { operationId: 'updateSku', summary: 'Change a SKU\'s name, price, cost, status or bundle flag', tags, errors: manageErrors, params: Params, body: SkuUpdate, response: { 200: SkuSchema },
      description: 'Price, cost and status changes are written to the audit trail.' },
    preHandler: read,
  }, async (req) => skus.updateSku(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/catalog/bundles/:id', {
    schema: { operationId: 'getBundle', summary: 'Get a bundle\'s structure', tags, errors: [catalogError.only('not_found', 'not_a_bundle')], params: Params, response: { 200: BundleSchema },
      description: 'The bundle SKU\'s option groups, options (a bundle option carries its own structure: multi-level) and rules.' },
    preHandler: read,
  }, async (req) => bundles.getBundle(db, requireAuth(req), req.params.id));

  app.put('/api/v1/catalog/bundles/:id', {
    schema: { operationId: 'saveBundle', summary: 'Replace a bundle\'s structure', tags, errors: [...manageErrors, catalogError.only('not_a_bundle', 'bundle_loop', 'bundle_too_deep')],
      params: Params, body: BundleStructureInput, response: { 200: BundleSchema } },
    preHandler: read,
  }, async (req) => bundles.saveBundle(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/catalog/bundles/:id/configure', {
    schema: { operationId: 'configureBundle', summary: 'Check a configuration of a bundle', tags, errors: [catalogError.only('not_found', 'not_a_bundle')], params: Params,
      body: ConfigureInput, response: { 200: ConfigResultSchema },
      description: 'ok, or the errors (codes naming the group, option or rule) — and the chosen SKUs with quantities per bundle, levels multiplied through.' },
    preHandler: read,
  }, async (req) => bundles.configure(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/catalog/export.xlsx', {
    schema: { operationId: 'exportCatalog', download: [XLSX], summary: 'Export the catalog to Excel', tags, querystring: z.object({ lang: z.enum(['zh', 'en']).optional() }) },
    preHandler: read,
  }, async (req, reply) => {
    const data = await excel.exportCatalog(db, requireAuth(req), req.query.lang ?? (req.headers['accept-language']?.startsWith('en') ? 'en' : 'zh'));
    return reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="catalog.xlsx"').header('cache-control', 'no-store').send(data);
  });

  app.post('/api/v1/catalog/import', {
    schema: { operationId: 'importCatalog', summary: 'Import products and SKUs from Excel', tags, errors: [catalogError.only('forbidden', 'bad_workbook', 'import_too_large')], response: { 200: CatalogImportReport },
      description: `multipart/form-data with one .xlsx in the field "file" (the export's layout): at most 10 MB and ${excel.IMPORT_MAX_ROWS} rows. New SKUs are made, existing ones (by code) updated; bad rows are reported and skipped.` },
    preHandler: read,
  }, async (req) => excel.importCatalog(db, requireAuth(req), await readUpload(req)));
}
