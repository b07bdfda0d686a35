// Campaign costs are money facts: appended in the campaign's currency, never edited; a wrong one is reversed by a
// negative row (at most one reversal per cost — the unique reverses_id backs the check made under the campaign's lock).
// Both writes honour the Idempotency-Key header and are audited. The actual cost of a campaign is the sum of its rows.
import type { z } from 'zod';
import { dec, roundMoney, type CampaignCostCreate } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { withIdempotency } from '../../platform/idempotency.js';
import { campaignError } from './campaigns.errors.js';
import * as c from './campaigns.sql.js';
import * as q from './members.sql.js';

function view(r: q.CostRow) {
  return {
    id: r.id, campaignId: r.campaign_id, category: r.category, amount: roundMoney(r.amount, r.currency), currency: r.currency,
    incurredOn: r.incurred_on, vendor: r.vendor, memo: r.memo, reversesId: r.reverses_id, reversedBy: r.reversed_by,
    createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null, createdAt: r.created_at,
  };
}
export type CostView = ReturnType<typeof view>;

const scopeOf = (auth: AuthContext) => c.campaignScope(auth.userId, auth.scope);

export async function listCosts(db: Db, auth: AuthContext, campaignId: string) {
  return inTenant(db, auth, async (tx) => {
    const campaign = await c.getCampaign(tx, campaignId, scopeOf(auth));
    if (!campaign) throw campaignError('not_found');
    const items = (await q.listCosts(tx, campaignId)).map(view);
    return { items, total: roundMoney(await q.costTotal(tx, campaignId), campaign.currency), currency: campaign.currency };
  });
}

export async function addCost(db: Db, auth: AuthContext, campaignId: string, input: z.infer<typeof CampaignCostCreate>, key: string | undefined) {
  return inTenant(db, auth, async (tx) => withIdempotency(tx, auth, `campaign-cost:${campaignId}`, key, input, async () => {
    const campaign = await c.lockCampaign(tx, campaignId, scopeOf(auth));
    if (!campaign) throw campaignError('not_found');
    const amount = roundMoney(input.amount, campaign.currency);
    const id = await q.insertCost(tx, auth.tenantId, campaignId, auth.userId, {
      category: input.category, amount, currency: campaign.currency, incurredOn: input.incurredOn, vendor: input.vendor, memo: input.memo, reversesId: null,
    });
    await recordAudit(tx, auth, { action: 'create', entityType: 'campaign_cost', entityId: id, before: null, after: { campaignId, category: input.category, amount, currency: campaign.currency, incurredOn: input.incurredOn } });
    return { statusCode: 201, body: view((await q.getCost(tx, id))!) };
  }));
}

export async function reverseCost(db: Db, auth: AuthContext, costId: string, memo: string | null, key: string | undefined) {
  return inTenant(db, auth, async (tx) => withIdempotency(tx, auth, `campaign-cost-reverse:${costId}`, key, { memo }, async () => {
    const cost = await q.getCost(tx, costId);
    if (!cost) throw campaignError('cost_not_found');
    const campaign = await c.lockCampaign(tx, cost.campaign_id, scopeOf(auth));
    if (!campaign) throw campaignError('cost_not_found'); // out of scope reads like an unknown id
    const fresh = (await q.getCost(tx, costId))!; // re-read under the campaign's lock
    if (fresh.reverses_id) throw campaignError('cost_is_reversal');
    if (fresh.reversed_by) throw campaignError('cost_reversed');
    const amount = roundMoney(dec(fresh.amount).neg(), fresh.currency);
    const id = await q.insertCost(tx, auth.tenantId, fresh.campaign_id, auth.userId, {
      category: fresh.category, amount, currency: fresh.currency, incurredOn: fresh.incurred_on, vendor: fresh.vendor, memo: memo ?? fresh.memo, reversesId: costId,
    });
    await recordAudit(tx, auth, { action: 'reverse', entityType: 'campaign_cost', entityId: costId, before: { reversedBy: null }, after: { reversedBy: id, amount } });
    return { statusCode: 201, body: view((await q.getCost(tx, id))!) };
  }));
}
