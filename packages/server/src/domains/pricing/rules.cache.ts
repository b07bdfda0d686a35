// The rule set of a tenant, loaded and indexed once (indexRules) and reused for every quote until a rule changes —
// the way docs/pricing.md "Speed" means it: rules filed under what they apply to, built once per rule-set change.
// Each pricing reads a one-statement signature of the rule tables inside its own transaction; a different signature
// (another process changed a rule, or this one did) loads the set again. Per process, per tenant; a few MB at 20,000
// entries. Budgets, balances and period quantities are never cached: they are read (or locked) per pricing.
import { dec, indexRules, type PriceBookEntry, type PricingRules, type Promotion, type RuleIndex } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import * as q from './pricing.sql.js';

interface Cached { sig: string; rules: PricingRules; index: RuleIndex }
const cache = new Map<string, Cached>();
const MAX_TENANTS = 50;

export function toEntry(r: Awaited<ReturnType<typeof q.allEntries>>[number]): PriceBookEntry {
  const scope: PriceBookEntry['scope'] = {};
  if (r.customer_id) scope.customerId = r.customer_id;
  if (r.dealer_id) scope.dealerId = r.dealer_id;
  if (r.channel) scope.channel = r.channel;
  if (r.grade) scope.grade = r.grade;
  if (r.region) scope.region = r.region;
  return { id: r.id, bookId: r.book_id, productId: r.sku_id, scope, priority: r.priority, validFrom: r.valid_from, validTo: r.valid_to, createdAt: r.created_at, price: r.rule as PriceBookEntry['price'] };
}

export function toPromotion(r: Awaited<ReturnType<typeof q.activePromotions>>[number]): Promotion {
  return {
    id: r.id, name: `${r.code} ${r.name}`, group: r.stacking_group, stacking: r.stacking as Promotion['stacking'], priority: r.priority,
    scope: (r.scope ?? {}) as Promotion['scope'], validFrom: r.valid_from, validTo: r.valid_to, budgetId: r.budget_id, rule: r.rule as Promotion['rule'],
  };
}

/** The tenant's rules and their index, fresh as of this transaction's snapshot. */
export async function rulesFor(tx: Tx, tenantId: string): Promise<Cached> {
  const sig = await q.rulesSignature(tx);
  const hit = cache.get(tenantId);
  if (hit && hit.sig === sig) return hit;
  const [entries, promotions, surcharges, floors] = [await q.allEntries(tx), await q.activePromotions(tx), await q.allSurcharges(tx), await q.allFloors(tx)];
  const rules: PricingRules = {
    entries: entries.map(toEntry), promotions: promotions.map(toPromotion),
    surcharges: surcharges.map((s) => ({ id: s.id, productId: s.sku_id ?? undefined, categoryId: s.category_id ?? undefined, attribute: s.attribute, value: s.value, amountPerUnit: dec(s.amount_per_unit).toString() })),
    marginFloors: floors.map((f) => ({ productId: f.sku_id ?? undefined, categoryId: f.category_id ?? undefined, minMargin: dec(f.min_margin).toString() })),
  };
  const fresh = { sig, rules, index: indexRules(rules) };
  if (cache.size >= MAX_TENANTS && !cache.has(tenantId)) cache.delete(cache.keys().next().value!);
  cache.set(tenantId, fresh);
  return fresh;
}
