// Moving an opportunity through its process: a stage change checks the entry requirements of every stage it enters or
// skips over (moving back needs none), and writes the history entry; won and lost close it (won through
// flows/opportunity-won, which also drafts the order contract); tasks satisfy task requirements once done.
import { z } from 'zod';
import type { Opportunity, OpportunityLose, StageChange, StageRequirement, TaskInput } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { todayFor } from '../../platform/clock.js';
import { opportunityError } from './opportunities.errors.js';
import { missingFor, requirementPath } from './requirements.js';
import { auditView, loadVisible, scopeOf, toOpportunity } from './opportunities.service.js';
import * as q from './opportunities.sql.js';
import * as pq from './processes.sql.js';

type Row = Awaited<ReturnType<typeof loadVisible>>;

function lockOpen(row: Row, version: number) {
  if (row.status !== 'open') throw opportunityError('closed');
  if (row.version !== version) throw commonError('version_conflict');
}

export async function changeStage(db: Db, auth: AuthContext, id: string, input: z.infer<typeof StageChange>): Promise<Opportunity> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    lockOpen(row, input.version);
    const stages = await pq.stagesOf(tx, [row.process_id]);
    const target = stages.find((s) => s.id === input.stageId);
    if (!target) throw opportunityError('stage_not_found', undefined, { errors: [{ path: 'stageId', message: 'not a stage of this opportunity\'s process' }] });
    if (target.kind !== 'open') throw opportunityError('use_win_or_lose', undefined, { errors: [{ path: 'stageId', message: 'a closing stage: win or lose instead' }] });
    if (target.id === row.stage_id) return toOpportunity(tx, row, todayFor(auth));
    if (target.seq > row.stage_seq) {
      const entered = stages.filter((s) => s.kind === 'open' && s.seq > row.stage_seq && s.seq <= target.seq);
      const [lineCount, tasks] = [(await q.linesOf(tx, id)).length, await q.tasksOf(tx, id)];
      const missing: StageRequirement[] = [];
      for (const s of entered) {
        for (const m of missingFor(s.requirements as StageRequirement[], row, lineCount, tasks)) {
          if (!missing.some((x) => JSON.stringify(x) === JSON.stringify(m))) missing.push(m);
        }
      }
      if (missing.length > 0) {
        throw opportunityError('stage_requirements', `Before "${target.name}": ${missing.map((m) => requirementPath(m).path).join(', ')}`, {
          errors: missing.map(requirementPath), missing, stageId: target.id,
        });
      }
    }
    await q.setStage(tx, id, target.id);
    await q.insertHistory(tx, auth.tenantId, id, row.stage_id, target.id, auth.userId);
    const after = (await q.findOpportunity(tx, id, q.anyScope))!;
    await recordAudit(tx, auth, { action: 'stage', entityType: 'opportunity', entityId: id, before: auditView(row), after: auditView(after) });
    return toOpportunity(tx, after, todayFor(auth));
  });
}

async function closingStage(tx: Tx, processId: string, kind: 'won' | 'lost') {
  return (await pq.stagesOf(tx, [processId])).find((s) => s.kind === kind)!;
}

export async function loseOpportunity(db: Db, auth: AuthContext, id: string, input: z.infer<typeof OpportunityLose>): Promise<Opportunity> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    lockOpen(row, input.version);
    const lost = await closingStage(tx, row.process_id, 'lost');
    await q.closeOpportunity(tx, id, { status: 'lost', stageId: lost.id, closedOn: todayFor(auth), lostReason: input.reason, competitor: input.competitor ?? row.competitor });
    await q.insertHistory(tx, auth.tenantId, id, row.stage_id, lost.id, auth.userId);
    const after = (await q.findOpportunity(tx, id, q.anyScope))!;
    await recordAudit(tx, auth, { action: 'lose', entityType: 'opportunity', entityId: id, before: auditView(row), after: { ...auditView(after), note: input.note } });
    return toOpportunity(tx, after, todayFor(auth));
  });
}

/** What a won opportunity carries into its order contract. */
export interface WonOpportunity {
  id: string; number: string; name: string; customerId: string; ownerId: string; currency: string; amount: string;
  lines: Array<{ productCode: string | null; productName: string; quantity: string; unitPrice: string; discountRate: string; amount: string }>;
}

/** Close a locked open opportunity as won: its won stage, today as its close day, the history and audit entries. */
async function closeWonTx(tx: Tx, actor: AuthContext, row: Row): Promise<void> {
  const won = await closingStage(tx, row.process_id, 'won');
  await q.closeOpportunity(tx, row.id, { status: 'won', stageId: won.id, closedOn: todayFor(actor), lostReason: null, competitor: row.competitor });
  await q.insertHistory(tx, actor.tenantId, row.id, row.stage_id, won.id, actor.userId);
  const after = (await q.findOpportunity(tx, row.id, q.anyScope))!;
  await recordAudit(tx, actor, { action: 'win', entityType: 'opportunity', entityId: row.id, before: auditView(row), after: auditView(after) });
}

/**
 * Mark an open opportunity won inside the caller's transaction (flows/opportunity-won): the won stage, today as its
 * close day, the history entry and the audit entry. Returns what the order contract needs.
 */
export async function markWonTx(tx: Tx, auth: AuthContext, id: string, version: number): Promise<WonOpportunity> {
  const row = await loadVisible(tx, auth, id, true);
  lockOpen(row, version);
  await closeWonTx(tx, auth, row);
  const lines = await q.linesOf(tx, id);
  return {
    id, number: row.number, name: row.name, customerId: row.customer_id, ownerId: row.owner_id, currency: row.currency, amount: row.amount,
    lines: lines.map((l) => ({ productCode: l.product_code, productName: l.product_name, quantity: l.quantity, unitPrice: l.unit_price, discountRate: l.discount_rate, amount: l.amount })),
  };
}

/** What a quote made for an opportunity starts from: its customer, name and lines (flows/opportunity-quote). */
export interface QuotableOpportunity {
  id: string; number: string; name: string; customerId: string; currency: string; amount: string;
  lines: Array<{ productId: string | null; productCode: string | null; productName: string; quantity: string; unitPrice: string; discountRate: string }>;
}

/** An open opportunity the caller may see, for a quote to be made from it; a closed one is refused (opportunities.closed). */
export async function quotableOpportunityTx(tx: Tx, auth: AuthContext, id: string): Promise<QuotableOpportunity> {
  const row = await loadVisible(tx, auth, id);
  if (row.status !== 'open') throw opportunityError('closed');
  const lines = await q.linesOf(tx, id);
  return {
    id, number: row.number, name: row.name, customerId: row.customer_id, currency: row.currency, amount: row.amount,
    lines: lines.map((l) => ({ productId: l.product_id, productCode: l.product_code, productName: l.product_name, quantity: l.quantity, unitPrice: l.unit_price, discountRate: l.discount_rate })),
  };
}

/** Take the opportunity's row lock early (quote acceptance: quote → opportunity → customer, as winning it directly
 * takes opportunity → customer), so the two never wait on each other in opposite orders. */
export async function lockForQuoteTx(tx: Tx, id: string): Promise<void> {
  await q.findOpportunity(tx, id, q.anyScope, true);
}

/**
 * The customer accepted a quote made for this opportunity (flows/quote-acceptance, in its transaction): an open
 * opportunity is won today with the order contract linked; a won one without a contract gets it linked. A lost one,
 * or one already linked to another contract, is left as it is — the rep decided that on the opportunity. Whoever
 * accepts the quote may not see the opportunity (finance records acceptances): the quote's own scope decided.
 */
export async function winByQuoteTx(tx: Tx, actor: AuthContext, id: string, contractId: string): Promise<'won' | 'linked' | 'unchanged'> {
  const row = await q.findOpportunity(tx, id, q.anyScope, true);
  if (!row) return 'unchanged';
  if (row.status === 'open') {
    await closeWonTx(tx, actor, row);
    await linkContractTx(tx, actor, id, contractId);
    return 'won';
  }
  if (row.status === 'won' && !row.contract_id) {
    await linkContractTx(tx, actor, id, contractId);
    return 'linked';
  }
  return 'unchanged';
}

/** Keep the contract a won opportunity became (campaign ROI follows it to the cash collected). */
export async function linkContractTx(tx: Tx, auth: AuthContext, id: string, contractId: string): Promise<void> {
  const before = (await q.findOpportunity(tx, id, q.anyScope))!;
  await q.setContract(tx, id, contractId);
  await recordAudit(tx, auth, { action: 'update', entityType: 'opportunity', entityId: id, before: { contractId: before.contract_id }, after: { contractId } });
}

export async function opportunityTx(tx: Tx, auth: AuthContext, id: string): Promise<Opportunity> {
  return toOpportunity(tx, (await q.findOpportunity(tx, id, q.anyScope))!, todayFor(auth));
}

export async function addTask(db: Db, auth: AuthContext, id: string, input: z.infer<typeof TaskInput>): Promise<Opportunity> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.status !== 'open') throw opportunityError('closed');
    const taskId = await q.insertTask(tx, auth.tenantId, id, input, auth.userId);
    await recordAudit(tx, auth, { action: 'create', entityType: 'opportunity_task', entityId: taskId, before: null, after: { opportunityId: id, ...input } });
    return toOpportunity(tx, (await q.findOpportunity(tx, id, q.anyScope))!, todayFor(auth));
  });
}

export async function completeTask(db: Db, auth: AuthContext, taskId: string): Promise<Opportunity> {
  return inTenant(db, auth, async (tx) => {
    const id = await q.taskOpportunity(tx, taskId);
    if (!id || !(await q.findOpportunity(tx, id, scopeOf(auth), true))) throw opportunityError('task_not_found');
    if (!(await q.completeTask(tx, id, taskId, auth.userId))) throw opportunityError('task_not_found');
    await recordAudit(tx, auth, { action: 'update', entityType: 'opportunity_task', entityId: taskId, before: { done: false }, after: { done: true } });
    return toOpportunity(tx, (await q.findOpportunity(tx, id, q.anyScope))!, todayFor(auth));
  });
}
