// Campaigns 市场活动: the tree, its figures and its return. A campaign is seen by whoever sees its owner (the data
// scope, in SQL); marketers and admins create and change campaigns, everyone else reads. Changes of status, budget,
// owner and place in the tree are audited field by field.
import type { z } from 'zod';
import { BOOK_CURRENCY, dec, roundMoney, type CampaignCreate, type CampaignFigures, type CampaignListQuery, type CampaignUpdate, type Campaign, type CampaignFunnel, type CampaignRoi } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { todayFor } from '../../platform/clock.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { campaignError } from './campaigns.errors.js';
import * as q from './campaigns.sql.js';
import { attributedOpportunities, figuresOf, opportunityScope, type FigureRow } from './figures.sql.js';

export const ROI_DEFINITION = 'ROI = (return − actual cost) / actual cost, rounded half-up to 4 decimals (1.2500 = 125 %), null while the cost is zero. '
  + 'Two returns: the amount of won opportunities attributed to the campaign (opportunities.campaign_id), and the cash collected on the contracts '
  + 'those won opportunities became — payments written off against the contracts\' receivables, net of reversals. A roll-up sums the campaign and '
  + 'every sub-campaign below it (budget, cost, members, leads, opportunities, won amount, cash), in the campaign\'s currency.';

/** (value − cost) / cost, half-up to 4 decimals; null when nothing was spent. */
export function roiOf(value: string, cost: string): string | null {
  const c = dec(cost);
  if (c.isZero()) return null;
  return dec(value).minus(c).div(c).toDecimalPlaces(4, 4 /* ROUND_HALF_UP */).toFixed(4);
}

function figures(row: FigureRow | undefined, currency: string): CampaignFigures {
  const m = (v: string | undefined) => roundMoney(v ?? '0', currency);
  const cost = m(row?.actual_cost);
  const wonAmount = m(row?.won_amount);
  const collected = m(row?.collected);
  return {
    budget: m(row?.budget), actualCost: cost, members: row?.members ?? 0, invited: row?.invited ?? 0, registered: row?.registered ?? 0,
    checkedIn: row?.checked_in ?? 0, leads: row?.leads ?? 0, mql: row?.mql ?? 0, converted: row?.converted ?? 0,
    opportunities: row?.opportunities ?? 0, won: row?.won ?? 0, wonAmount, collected,
    roiWon: roiOf(wonAmount, cost), roiCollected: roiOf(collected, cost),
  };
}

async function withFigures(tx: Tx, rows: q.CampaignRow[], known?: FigureRow[]): Promise<Campaign[]> {
  const all = known ?? await figuresOf(tx, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, number: r.number, name: r.name, parent: r.parent_id ? { id: r.parent_id, name: r.parent_name ?? '' } : null,
    type: r.type, status: r.status, startOn: r.start_on, endOn: r.end_on, currency: r.currency, budget: roundMoney(r.budget, r.currency),
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null, description: r.description, version: r.version,
    createdAt: r.created_at, childCount: r.child_count,
    own: figures(all.find((f) => f.root_id === r.id && f.self), r.currency),
    rollup: figures(all.find((f) => f.root_id === r.id && !f.self), r.currency),
  }));
}

const scopeOf = (auth: AuthContext) => q.campaignScope(auth.userId, auth.scope);

export async function listCampaigns(db: Db, auth: AuthContext, query: z.infer<typeof CampaignListQuery>) {
  return inTenant(db, auth, async (tx) => {
    const after = decodeCursor(query.cursor, ['date_or_empty', 'uuid']) as [string, string] | null;
    const rows = await q.listCampaigns(tx, scopeOf(auth), query, after ? [after[0] === '' ? null : after[0], after[1]] : null, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: await withFigures(tx, page), nextCursor: rows.length > query.limit && last ? encodeCursor([last.start_on ?? '', last.id]) : null };
  });
}

async function loadTx(tx: Tx, auth: AuthContext, id: string): Promise<Campaign> {
  const row = await q.getCampaign(tx, id, scopeOf(auth));
  if (!row) throw campaignError('not_found');
  return (await withFigures(tx, [row]))[0]!;
}

export async function getCampaign(db: Db, auth: AuthContext, id: string): Promise<Campaign> {
  return inTenant(db, auth, (tx) => loadTx(tx, auth, id));
}

/** The parent must be a campaign the caller sees; a child takes (and must keep) its parent's currency. */
async function checkParent(tx: Tx, auth: AuthContext, parentId: string, currency: string | undefined) {
  const parent = await q.getCampaign(tx, parentId, scopeOf(auth));
  if (!parent) throw campaignError('parent_not_found', undefined, { errors: [{ path: 'parentId', message: 'no such campaign in your scope' }] });
  if (currency && currency !== parent.currency) {
    throw campaignError('currency_mismatch', undefined, { errors: [{ path: 'currency', message: `the parent campaign is in ${parent.currency}` }] });
  }
  return parent;
}

function checkPeriod(startOn: string | null, endOn: string | null) {
  if (startOn && endOn && endOn < startOn) throw campaignError('bad_period', undefined, { errors: [{ path: 'endOn', message: 'before startOn' }] });
}

const audited = (f: q.CampaignFields) => ({
  name: f.name, parentId: f.parentId, type: f.type, status: f.status, startOn: f.startOn, endOn: f.endOn, currency: f.currency, budget: f.budget,
  ownerId: f.ownerId, description: f.description,
});

export async function createCampaign(db: Db, auth: AuthContext, input: z.infer<typeof CampaignCreate>): Promise<Campaign> {
  return inTenant(db, auth, async (tx) => {
    checkPeriod(input.startOn, input.endOn);
    const parent = input.parentId ? await checkParent(tx, auth, input.parentId, input.currency) : null;
    const currency = input.currency ?? parent?.currency ?? BOOK_CURRENCY;
    const fields: q.CampaignFields = {
      name: input.name, parentId: input.parentId, type: input.type, status: input.status, startOn: input.startOn, endOn: input.endOn, currency,
      budget: roundMoney(input.budget, currency), ownerId: input.ownerId ?? auth.userId, description: input.description,
    };
    const year = Number((input.startOn ?? todayFor(auth)).slice(0, 4));
    const id = await q.insertCampaign(tx, auth.tenantId, await nextDocNumber(tx, auth, 'HD', year), auth.userId, fields);
    await recordAudit(tx, auth, { action: 'create', entityType: 'campaign', entityId: id, before: null, after: audited(fields) });
    return loadTx(tx, auth, id);
  });
}

export async function updateCampaign(db: Db, auth: AuthContext, id: string, input: z.infer<typeof CampaignUpdate>): Promise<Campaign> {
  return inTenant(db, auth, async (tx) => {
    const locked = await q.lockCampaign(tx, id, scopeOf(auth));
    if (!locked) throw campaignError('not_found');
    if (locked.version !== input.version) throw campaignError('version_conflict');
    const row = (await q.getCampaign(tx, id, scopeOf(auth)))!;
    const before: q.CampaignFields = {
      name: row.name, parentId: row.parent_id, type: row.type, status: row.status, startOn: row.start_on, endOn: row.end_on, currency: row.currency,
      budget: roundMoney(row.budget, row.currency), ownerId: row.owner_id, description: row.description,
    };
    const after: q.CampaignFields = {
      name: input.name ?? before.name, parentId: input.parentId === undefined ? before.parentId : input.parentId, type: input.type ?? before.type,
      status: input.status ?? before.status, startOn: input.startOn === undefined ? before.startOn : input.startOn,
      endOn: input.endOn === undefined ? before.endOn : input.endOn, currency: before.currency,
      budget: input.budget === undefined ? before.budget : roundMoney(input.budget, before.currency), ownerId: input.ownerId ?? before.ownerId,
      description: input.description === undefined ? before.description : input.description,
    };
    checkPeriod(after.startOn, after.endOn);
    if (after.parentId && after.parentId !== before.parentId) {
      await checkParent(tx, auth, after.parentId, before.currency);
      if (await q.isInSubtree(tx, id, after.parentId)) {
        throw campaignError('parent_cycle', undefined, { errors: [{ path: 'parentId', message: 'the campaign itself or one of its sub-campaigns' }] });
      }
    }
    await q.updateCampaign(tx, id, after);
    await recordAudit(tx, auth, { action: 'update', entityType: 'campaign', entityId: id, before: audited(before), after: audited(after) });
    return loadTx(tx, auth, id);
  });
}

/** The return of a campaign and of each of its children, with the opportunities behind it (those the caller sees). */
export async function campaignRoi(db: Db, auth: AuthContext, id: string): Promise<CampaignRoi> {
  return inTenant(db, auth, async (tx) => {
    const row = await q.getCampaign(tx, id, scopeOf(auth));
    if (!row) throw campaignError('not_found');
    const children = await q.childrenOf(tx, id, scopeOf(auth));
    // One walk of the subtree for the campaign and its children together (their subtrees are parts of its own).
    const childFigures = await figuresOf(tx, [id, ...children.map((k) => k.id)]);
    const c = (await withFigures(tx, [row], childFigures))[0]!;
    const opps = await attributedOpportunities(tx, id, opportunityScope(auth.userId, auth.scope), 200);
    return {
      campaignId: c.id, currency: c.currency, own: c.own, rollup: c.rollup,
      children: children.map((k) => ({ id: k.id, number: k.number, name: k.name, status: k.status, rollup: figures(childFigures.find((f) => f.root_id === k.id && !f.self), c.currency) })),
      opportunities: opps.map((o) => ({
        id: o.id, name: o.name, campaignId: o.campaign_id, campaignName: o.campaign_name, status: o.status, amount: roundMoney(o.amount, o.currency),
        currency: o.currency, contractId: o.contract_id, contractNumber: o.contract_number, collected: roundMoney(o.collected, o.currency),
      })),
      definition: ROI_DEFINITION,
    };
  });
}

/**
 * The marketer's funnel for a year: her campaigns (in scope) that ran in it, each counted once with its own figures —
 * members, check-ins, leads, MQL, converted, opportunities won, cost, won amount, cash collected — and the ROI of the sums.
 */
export async function marketingFunnel(db: Db, auth: AuthContext, year: number): Promise<CampaignFunnel> {
  return inTenant(db, auth, async (tx) => {
    const currency = BOOK_CURRENCY;
    const rows = await q.campaignsOfYear(tx, scopeOf(auth), year, currency);
    const own = (await figuresOf(tx, rows.map((r) => r.id))).filter((f) => f.self);
    const sum = (k: keyof FigureRow) => own.reduce((a, f) => a.plus(String(f[k])), dec(0));
    const total = figures({
      root_id: '', self: true, currency, budget: sum('budget').toString(), actual_cost: sum('actual_cost').toString(), members: sum('members').toNumber(),
      invited: sum('invited').toNumber(), registered: sum('registered').toNumber(), checked_in: sum('checked_in').toNumber(), leads: sum('leads').toNumber(),
      mql: sum('mql').toNumber(), converted: sum('converted').toNumber(), opportunities: sum('opportunities').toNumber(), won: sum('won').toNumber(),
      won_amount: sum('won_amount').toString(), collected: sum('collected').toString(),
    }, currency);
    return { year, currency, campaigns: rows.length, activeCampaigns: rows.filter((r) => r.status === 'active').length, ...total };
  });
}

// ---- for other domains (through index.ts) ----

/** The campaign by id in the caller's tenant (no data scope: a lead names the campaign it came from). */
export async function getCampaignTx(tx: Tx, id: string) {
  const r = await q.campaignById(tx, id);
  return r ? { id: r.id, number: r.number, name: r.name, parentId: r.parent_id, type: r.type, status: r.status, currency: r.currency, ownerId: r.owner_id, startOn: r.start_on, endOn: r.end_on } : null;
}

/** Does the campaign exist in the tenant? (leads' and opportunities' campaign_id check) */
export async function campaignExistsTx(tx: Tx, id: string): Promise<boolean> {
  return q.campaignExists(tx, id);
}

