// Opportunities: create (also from lead conversion, through createOpportunityTx), read, list, edit. Data scope follows
// the owner (a rep her own, a manager her team's); lines are priced exactly and their sum is the amount.
import { addMoney, dec, roundMoney, type HealthDimension, type Opportunity, type OpportunityCreate, type OpportunityLineInput, type OpportunityListQuery, type OpportunitySummary, type OpportunityUpdate, type StageRequirement } from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { commonError } from '../../platform/errors.js';
import { todayFor } from '../../platform/clock.js';
import { opportunityError } from './opportunities.errors.js';
import { healthOf } from './health.js';
import { missingFor } from './requirements.js';
import { ensureDefaultProcessTx, processWithStagesTx, trimPercent } from './processes.service.js';
import * as q from './opportunities.sql.js';
import * as pq from './processes.sql.js';
import * as fq from './facts.sql.js';

export function scopeOf(auth: AuthContext) {
  return q.opportunityScope(auth.userId, auth.scope);
}

export function toSummary(r: q.OpportunityRow): OpportunitySummary {
  return {
    id: r.id, number: r.number, name: r.name, status: r.status, customer: { id: r.customer_id, name: r.customer_name },
    contact: r.contact_id ? { id: r.contact_id, name: r.contact_name ?? '' } : null, owner: { id: r.owner_id, name: r.owner_name },
    process: { id: r.process_id, name: r.process_name },
    stage: { id: r.stage_id, name: r.stage_name, kind: r.stage_kind, probability: trimPercent(r.probability) },
    currency: r.currency, amount: roundMoney(r.amount, r.currency),
    weightedAmount: roundMoney(dec(r.amount).times(r.probability).div(100), r.currency),
    closeDate: r.close_date, forecastCategory: r.forecast_category, stageEnteredAt: r.stage_entered_at, daysInStage: r.days_in_stage,
    leadId: r.lead_id, campaignId: r.campaign_id, contractId: r.contract_id, lostReason: r.lost_reason, competitor: r.competitor,
    closedOn: r.closed_on, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** The full record: lines, tasks, stage history with time in stage, health with its reasons, what later stages need. */
export async function toOpportunity(tx: Tx, r: q.OpportunityRow, today: string): Promise<Opportunity> {
  const [lines, tasks, history, process, decision] = [
    await q.linesOf(tx, r.id), await q.tasksOf(tx, r.id), await q.historyOf(tx, r.id), await processWithStagesTx(tx, r.process_id),
    await fq.decisionFacts(tx, r.customer_id),
  ];
  const stages = process?.stages ?? [];
  const health = healthOf({
    rated: r.health as Partial<Record<HealthDimension, { score: number; note: string | null }>>, contactId: r.contact_id, amount: r.amount,
    lineCount: lines.length, competitor: r.competitor, closeDate: r.close_date, today, daysInStage: r.days_in_stage,
    decisionMakers: decision.filter((d) => d.role === 'decision_maker' || d.role === 'economic_buyer').map((d) => ({ name: d.name, attitude: d.attitude })),
    opponents: decision.filter((d) => d.attitude === 'opponent' && d.influence >= 4).map((d) => ({ name: d.name, influence: d.influence })),
  });
  const missing: Record<string, StageRequirement[]> = {};
  if (r.status === 'open') {
    for (const s of stages) if (s.kind === 'open' && s.seq > r.stage_seq) missing[s.id] = missingFor(s.requirements, r, lines.length, tasks);
  }
  return {
    ...toSummary(r),
    lines: lines.map((l) => ({
      id: l.id, lineNo: l.line_no, productId: l.product_id, productCode: l.product_code, productName: l.product_name,
      quantity: trimZeros(l.quantity), unitPrice: trimZeros(l.unit_price, 2), discountRate: trimZeros(l.discount_rate), amount: roundMoney(l.amount, r.currency),
    })),
    tasks: tasks.map((t) => ({ id: t.id, key: t.key, title: t.title, dueDate: t.due_date, doneAt: t.done_at, doneBy: t.done_by ? { id: t.done_by, name: t.done_by_name ?? '' } : null, createdAt: t.created_at })),
    history: history.map((h) => ({ id: h.id, fromStage: h.from_name, toStage: { id: h.to_id, name: h.to_name }, at: h.at, actor: h.actor_id ? { id: h.actor_id, name: h.actor_name ?? '' } : null, hoursInStage: Number(h.hours) })),
    stages, health, missing,
  };
}

/** A decimal without trailing zeros beyond `keep` decimals ("2.5000" → "2.5", "1200.000000" → "1200.00" with keep 2). */
export function trimZeros(v: string, keep = 0): string {
  if (!v.includes('.')) return keep > 0 ? `${v}.${'0'.repeat(keep)}` : v;
  const [i, f = ''] = v.split('.');
  let frac = f.replace(/0+$/, '');
  if (frac.length < keep) frac = frac.padEnd(keep, '0');
  return frac ? `${i}.${frac}` : i!;
}

/** The audited view: status, ownership, amount, stage and close terms. */
export function auditView(r: q.OpportunityRow): Record<string, unknown> {
  return {
    name: r.name, status: r.status, ownerId: r.owner_id, customerId: r.customer_id, contactId: r.contact_id, stage: r.stage_name,
    currency: r.currency, amount: roundMoney(r.amount, r.currency), closeDate: r.close_date, forecastCategory: r.forecast_category,
    contractId: r.contract_id, lostReason: r.lost_reason, competitor: r.competitor, closedOn: r.closed_on,
  };
}

/** Lines priced exactly: quantity × unit price × (1 − discount), rounded half-up once per line to the currency. */
export function priceLines(lines: OpportunityLineInput[], currency: string): { lines: q.LineWrite[]; total: string } {
  const out = lines.map((l) => ({
    productId: l.productId, productCode: l.productCode, productName: l.productName, quantity: l.quantity, unitPrice: l.unitPrice,
    discountRate: l.discountRate, amount: roundMoney(dec(l.quantity).times(l.unitPrice).times(dec(1).minus(l.discountRate)), currency),
  }));
  return { lines: out, total: addMoney(out.map((l) => l.amount), currency) };
}

export interface NewOpportunity {
  customerId: string; contactId?: string | null | undefined; name: string; amount?: string | undefined; currency?: string | undefined;
  ownerId: string; leadId?: string | null | undefined; campaignId?: string | null | undefined; processId?: string | null | undefined;
  closeDate?: string | null | undefined; forecastCategory?: OpportunityCreate['forecastCategory'] | undefined; lines?: OpportunityLineInput[] | undefined;
}

/**
 * Create an opportunity inside the caller's transaction (lead conversion calls this). The caller has checked that the
 * actor may sell to the customer; here: the contact belongs to the customer, the owner is an active user, the process
 * exists and is active (the tenant's default when none is named). It starts in the process's first stage, with its
 * history's first entry and an audit entry.
 */
export async function createOpportunityTx(tx: Tx, actor: Actor, input: NewOpportunity): Promise<{ id: string }> {
  const currency = input.currency ?? 'CNY';
  if (input.contactId && !(await q.contactOfCustomer(tx, input.contactId, input.customerId))) {
    throw opportunityError('contact_not_found', undefined, { errors: [{ path: 'contactId', message: 'not a contact of this customer' }] });
  }
  if (!(await q.userActive(tx, input.ownerId))) throw opportunityError('owner_not_found', undefined, { errors: [{ path: 'ownerId', message: 'no such active user' }] });
  const processId = input.processId ?? await ensureDefaultProcessTx(tx, actor);
  const process = await pq.findProcess(tx, processId);
  if (!process) throw opportunityError('process_not_found', undefined, { errors: [{ path: 'processId', message: 'no such sales process' }] });
  if (!process.active) throw opportunityError('process_inactive', undefined, { errors: [{ path: 'processId', message: 'inactive' }] });
  const first = (await pq.stagesOf(tx, [processId])).find((s) => s.kind === 'open')!;
  const priced = priceLines(input.lines ?? [], currency);
  const amount = priced.lines.length > 0 ? priced.total : roundMoney(input.amount ?? '0', currency);
  const number = await nextDocNumber(tx, actor, 'SJ', todayFor(actor));
  const id = await q.insertOpportunity(tx, actor.tenantId, number, actor.userId, {
    name: input.name, customerId: input.customerId, contactId: input.contactId ?? null, ownerId: input.ownerId, processId, stageId: first.id,
    currency, amount, closeDate: input.closeDate ?? null, forecastCategory: input.forecastCategory ?? 'pipeline',
    leadId: input.leadId ?? null, campaignId: input.campaignId ?? null,
  });
  await q.replaceLines(tx, actor.tenantId, id, priced.lines);
  await q.insertHistory(tx, actor.tenantId, id, null, first.id, actor.userId);
  const row = (await q.findOpportunity(tx, id, q.anyScope))!;
  await recordAudit(tx, actor, { action: 'create', entityType: 'opportunity', entityId: id, before: null, after: auditView(row) });
  return { id };
}

async function resolveOwner(tx: Tx, auth: AuthContext, requested: string | null | undefined, current: string | null): Promise<string> {
  if (requested === undefined || requested === null) return current ?? auth.userId;
  if (requested === current || requested === auth.userId) return requested;
  if (!(await q.userInScope(tx, requested, auth.userId, auth.scope))) {
    throw opportunityError('owner_not_found', undefined, { errors: [{ path: 'ownerId', message: 'not a user you may assign to' }] });
  }
  return requested;
}

export async function loadVisible(tx: Tx, auth: AuthContext, id: string, forUpdate = false): Promise<q.OpportunityRow> {
  const r = await q.findOpportunity(tx, id, scopeOf(auth), forUpdate);
  if (!r) throw opportunityError('not_found');
  return r;
}

export async function createOpportunity(db: Db, auth: AuthContext, input: OpportunityCreate): Promise<Opportunity> {
  return inTenant(db, auth, async (tx) => {
    if (!(await q.customerFor(tx, input.customerId, auth.userId, auth.scope))) {
      throw opportunityError('customer_not_found', undefined, { errors: [{ path: 'customerId', message: 'no such customer in your scope' }] });
    }
    const ownerId = await resolveOwner(tx, auth, input.ownerId, null);
    const { id } = await createOpportunityTx(tx, auth, { ...input, ownerId });
    return toOpportunity(tx, (await q.findOpportunity(tx, id, q.anyScope))!, todayFor(auth));
  });
}

export async function getOpportunity(db: Db, auth: AuthContext, id: string): Promise<Opportunity> {
  return inTenant(db, auth, async (tx) => toOpportunity(tx, await loadVisible(tx, auth, id), todayFor(auth)));
}

export async function listOpportunities(db: Db, auth: AuthContext, query: OpportunityListQuery) {
  return inTenant(db, auth, async (tx) => {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']) as [string, string] | null;
    const rows = await q.listOpportunities(tx, [scopeOf(auth), ...q.listWhere(query)], after, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page.map(toSummary), nextCursor: rows.length > query.limit && last ? encodeCursor([last.created_at, last.id]) : null };
  });
}

export async function updateOpportunity(db: Db, auth: AuthContext, id: string, patch: OpportunityUpdate): Promise<Opportunity> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.status !== 'open') throw opportunityError('closed');
    if (row.version !== patch.version) throw commonError('version_conflict');
    const contactId = patch.contactId !== undefined ? patch.contactId : row.contact_id;
    if (contactId && contactId !== row.contact_id && !(await q.contactOfCustomer(tx, contactId, row.customer_id))) {
      throw opportunityError('contact_not_found', undefined, { errors: [{ path: 'contactId', message: 'not a contact of this customer' }] });
    }
    const ownerId = await resolveOwner(tx, auth, patch.ownerId, row.owner_id);
    const hasLines = patch.lines ? patch.lines.length > 0 : (await q.linesOf(tx, id)).length > 0;
    if (patch.amount !== undefined && hasLines) throw opportunityError('amount_from_lines', undefined, { errors: [{ path: 'amount', message: 'the sum of the lines' }] });
    let amount = patch.amount !== undefined ? roundMoney(patch.amount, row.currency) : row.amount;
    if (patch.lines) {
      const priced = priceLines(patch.lines, row.currency);
      await q.replaceLines(tx, auth.tenantId, id, priced.lines);
      if (priced.lines.length > 0) amount = priced.total;
    }
    const health = { ...(row.health ?? {}), ...(patch.health ?? {}) };
    await q.updateOpportunity(tx, id, {
      name: patch.name ?? row.name, contactId, ownerId, amount, closeDate: patch.closeDate !== undefined ? patch.closeDate : row.close_date,
      forecastCategory: patch.forecastCategory ?? row.forecast_category, competitor: patch.competitor !== undefined ? patch.competitor : row.competitor, health,
    });
    const after = (await q.findOpportunity(tx, id, q.anyScope))!;
    await recordAudit(tx, auth, { action: 'update', entityType: 'opportunity', entityId: id, before: { ...auditView(row), health: row.health }, after: { ...auditView(after), health: after.health } });
    return toOpportunity(tx, after, todayFor(auth));
  });
}

