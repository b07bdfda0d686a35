// HTTP for price books, promotions, budgets, pricing settings and the "try a price" sandbox. Thin: schemas from
// @l2c/shared, one service call per route. The rules are the pricing manager's (admin, finance; executives read);
// reps see what a rule did through the sandbox and their quotes' traces, for the customers in their data scope.
import { z } from 'zod';
import {
  BudgetDetail, BudgetInput, BudgetSchema, BudgetTopUp, IdSchema, ListQueryBase, PriceBookDetail, PriceBookInput, PriceBookSchema, PriceBookUpdate,
  PriceEntryInput, PricingSettingsOut, PricingSettingsSchema, PromotionInput, PromotionSchema, PromotionUpdate, TryPriceInput, TryPriceResult, pageOf,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { pricingError } from './pricing.errors.js';
import * as svc from './pricing.service.js';

const tags = ['pricing'];
const IdParams = z.object({ id: IdSchema });
const NoContent = z.undefined();

export function pricingRoutes(app: App, db: Db) {
  app.get('/api/v1/price-books', {
    schema: { operationId: 'listPriceBooks', summary: 'List price books', tags, querystring: ListQueryBase, response: { 200: pageOf(PriceBookSchema) } },
    preHandler: requirePermission('pricing', 'read'),
  }, async (req) => svc.listBooks(db, requireAuth(req), req.query));

  app.post('/api/v1/price-books', {
    schema: { operationId: 'createPriceBook', summary: 'Create a price book', description: 'Scoped by customer, dealer, channel, grade and region (none named: everyone), with a priority and validity dates.', tags, errors: [pricingError.only('code_taken', 'bad_dates')], body: PriceBookInput, response: { 201: PriceBookDetail } },
    preHandler: requirePermission('pricing', 'create'),
  }, async (req, reply) => reply.code(201).send(await svc.createBook(db, requireAuth(req), req.body)));

  app.get('/api/v1/price-books/:id', {
    schema: { operationId: 'getPriceBook', summary: 'A price book with its entries', tags, errors: [pricingError.only('not_found')], params: IdParams, response: { 200: PriceBookDetail } },
    preHandler: requirePermission('pricing', 'read'),
  }, async (req) => svc.getBook(db, requireAuth(req), req.params.id));

  app.put('/api/v1/price-books/:id', {
    schema: { operationId: 'updatePriceBook', summary: 'Change a price book', tags, errors: [pricingError.only('not_found', 'code_taken', 'bad_dates')], params: IdParams, body: PriceBookUpdate, response: { 200: PriceBookDetail } },
    preHandler: requirePermission('pricing', 'update'),
  }, async (req) => svc.updateBook(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/price-books/:id/entries', {
    schema: { operationId: 'addPriceEntries', summary: 'Add entries to a price book', description: 'Fixed prices, tiers (range or slab), cost-plus or another book × factor, per SKU.', tags, errors: [pricingError.only('not_found', 'sku_not_found', 'book_not_found', 'bad_dates')], params: IdParams, body: z.object({ entries: z.array(PriceEntryInput).min(1).max(1000) }), response: { 201: PriceBookDetail } },
    preHandler: requirePermission('pricing', 'update'),
  }, async (req, reply) => reply.code(201).send(await svc.addEntries(db, requireAuth(req), req.params.id, req.body.entries)));

  app.delete('/api/v1/price-book-entries/:id', {
    schema: { operationId: 'deletePriceEntry', summary: 'Remove a price-book entry', tags, errors: [pricingError.only('not_found')], params: IdParams, response: { 204: NoContent } },
    preHandler: requirePermission('pricing', 'delete'),
  }, async (req, reply) => {
    await svc.deleteEntry(db, requireAuth(req), req.params.id);
    return reply.code(204).send(undefined);
  });

  app.get('/api/v1/promotions', {
    schema: { operationId: 'listPromotions', summary: 'List promotions', tags, querystring: ListQueryBase, response: { 200: pageOf(PromotionSchema) } },
    preHandler: requirePermission('pricing', 'read'),
  }, async (req) => svc.listPromotions(db, requireAuth(req), req.query.limit));

  app.post('/api/v1/promotions', {
    schema: { operationId: 'createPromotion', summary: 'Create a promotion', description: 'Single item, combo, threshold 满减, cumulative or gift, in a stacking group (exclusive / stackable / best-of), optionally spending a budget.', tags, errors: [pricingError.only('code_taken', 'bad_dates', 'budget_not_found', 'sku_not_found')], body: PromotionInput, response: { 201: PromotionSchema } },
    preHandler: requirePermission('pricing', 'create'),
  }, async (req, reply) => reply.code(201).send(await svc.createPromotion(db, requireAuth(req), req.body)));

  app.put('/api/v1/promotions/:id', {
    schema: { operationId: 'updatePromotion', summary: 'Change a promotion', tags, errors: [pricingError.only('not_found', 'code_taken', 'bad_dates', 'budget_not_found', 'sku_not_found')], params: IdParams, body: PromotionUpdate, response: { 200: PromotionSchema } },
    preHandler: requirePermission('pricing', 'update'),
  }, async (req) => svc.updatePromotion(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/promotion-budgets', {
    schema: { operationId: 'listPromotionBudgets', summary: 'List promotion budgets', description: 'Amount, what is left, reserved by open quotes and consumed by accepted ones.', tags, response: { 200: pageOf(BudgetSchema) } },
    preHandler: requirePermission('pricing', 'read'),
  }, async (req) => svc.listBudgets(db, requireAuth(req)));

  app.post('/api/v1/promotion-budgets', {
    schema: { operationId: 'createPromotionBudget', summary: 'Create a promotion budget', tags, errors: [pricingError.only('code_taken')], body: BudgetInput, response: { 201: BudgetSchema } },
    preHandler: requirePermission('pricing', 'create'),
  }, async (req, reply) => reply.code(201).send(await svc.createBudget(db, requireAuth(req), req.body)));

  app.get('/api/v1/promotion-budgets/:id', {
    schema: { operationId: 'getPromotionBudget', summary: 'A budget with its reservations, releases and consumption', tags, errors: [pricingError.only('not_found')], params: IdParams, response: { 200: BudgetDetail } },
    preHandler: requirePermission('pricing', 'read'),
  }, async (req) => svc.getBudget(db, requireAuth(req), req.params.id));

  app.post('/api/v1/promotion-budgets/:id/top-up', {
    schema: { operationId: 'topUpPromotionBudget', summary: 'Raise a promotion budget', tags, errors: [pricingError.only('not_found')], params: IdParams, body: BudgetTopUp, response: { 200: BudgetSchema } },
    preHandler: requirePermission('pricing', 'update'),
  }, async (req) => svc.topUpBudget(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/pricing/settings', {
    schema: { operationId: 'getPricingSettings', summary: 'Surcharges, margin floors and rebate policies', tags, response: { 200: PricingSettingsOut } },
    preHandler: requirePermission('pricing', 'read'),
  }, async (req) => svc.getSettings(db, requireAuth(req)));

  app.put('/api/v1/pricing/settings', {
    schema: { operationId: 'putPricingSettings', summary: 'Replace surcharges, margin floors and rebate policies', description: 'Rebate policies per customer grade (none: the default): 当单比例 (maxOrderRatio) and the accrual rate.', tags, body: PricingSettingsSchema, response: { 200: PricingSettingsOut } },
    preHandler: requirePermission('pricing', 'update'),
  }, async (req) => svc.putSettings(db, requireAuth(req), req.body));

  app.post('/api/v1/pricing/try', {
    schema: { operationId: 'tryPrice', summary: 'Try a price (sandbox)', description: 'Prices lines for a customer on a date with the rules in the database and returns every line\'s trace; keeps nothing and reserves no budget.', tags, errors: [pricingError.only('customer_not_found', 'sku_not_found')], body: TryPriceInput, response: { 200: TryPriceResult } },
    preHandler: requirePermission('quotes', 'read'), // whoever quotes may try a price, for the customers in their data scope
  }, async (req) => svc.tryPrice(db, requireAuth(req), req.body));
}
