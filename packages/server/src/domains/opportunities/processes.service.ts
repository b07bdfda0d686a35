// Sales processes: several per tenant (one per product line), each an ordered list of stages with a probability and
// the requirements an opportunity must meet to enter it. A tenant starts with a default process, created on first use
// so that lead conversion and the first opportunity need no set-up.
import type { SalesProcess, SalesProcessInput, SalesProcessUpdate, StageRequirement } from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { opportunityError } from './opportunities.errors.js';
import * as q from './processes.sql.js';

/** The default process of a new tenant: the stages of a B2B project sale, with entry requirements that mean something. */
export const DEFAULT_STAGES: q.StageWrite[] = [
  { seq: 1, name: '初步接洽', kind: 'open', probability: '10', requirements: [] },
  { seq: 2, name: '需求确认', kind: 'open', probability: '20', requirements: [{ kind: 'field', field: 'contactId' }, { kind: 'field', field: 'health.need' }] },
  { seq: 3, name: '方案报价', kind: 'open', probability: '40', requirements: [{ kind: 'field', field: 'lines' }, { kind: 'field', field: 'closeDate' }] },
  { seq: 4, name: '商务谈判', kind: 'open', probability: '60', requirements: [{ kind: 'task', key: 'demo', label: '产品演示 Product demo' }, { kind: 'field', field: 'health.budget' }] },
  { seq: 5, name: '合同审批', kind: 'open', probability: '80', requirements: [{ kind: 'field', field: 'health.decision_chain' }] },
  { seq: 6, name: '赢单', kind: 'won', probability: '100', requirements: [] },
  { seq: 7, name: '输单', kind: 'lost', probability: '0', requirements: [] },
];
export const DEFAULT_PROCESS_NAME = '标准销售流程';

/** The default process's id, creating it with its stages when the tenant has none. */
export async function ensureDefaultProcessTx(tx: Tx, actor: Actor): Promise<string> {
  const found = await q.defaultProcessId(tx);
  if (found) return found;
  const id = await q.insertDefaultProcess(tx, actor.tenantId, DEFAULT_PROCESS_NAME);
  if (!id) return (await q.defaultProcessId(tx))!;
  await q.insertStages(tx, actor.tenantId, id, DEFAULT_STAGES);
  return id;
}

function toProcess(p: q.ProcessRow, stages: q.StageRow[]): SalesProcess {
  return {
    id: p.id, name: p.name, productLine: p.product_line, isDefault: p.is_default, active: p.active,
    stages: stages.filter((s) => s.process_id === p.id).map((s) => ({
      id: s.id, seq: s.seq, name: s.name, kind: s.kind, probability: trimPercent(s.probability), requirements: s.requirements as StageRequirement[],
    })),
  };
}

export function trimPercent(v: string): string {
  return v.includes('.') ? v.replace(/\.?0+$/, '') : v;
}

export async function listProcessesTx(tx: Tx, actor: Actor): Promise<SalesProcess[]> {
  await ensureDefaultProcessTx(tx, actor);
  const ps = await q.listProcesses(tx);
  const stages = await q.stagesOf(tx, ps.map((p) => p.id));
  return ps.map((p) => toProcess(p, stages));
}

export async function processWithStagesTx(tx: Tx, id: string): Promise<SalesProcess | undefined> {
  const p = await q.findProcess(tx, id);
  if (!p) return undefined;
  return toProcess(p, await q.stagesOf(tx, [id]));
}

export async function listProcesses(db: Db, auth: AuthContext): Promise<SalesProcess[]> {
  return inTenant(db, auth, (tx) => listProcessesTx(tx, auth));
}

function checkStages(stages: SalesProcessInput['stages']) {
  const won = stages.filter((s) => s.kind === 'won').length;
  const lost = stages.filter((s) => s.kind === 'lost').length;
  if (won !== 1 || lost !== 1 || stages.length - won - lost < 1) {
    throw opportunityError('bad_stages', undefined, { errors: [{ path: 'stages', message: 'needs at least one open stage, exactly one won and exactly one lost stage' }] });
  }
}

export async function createProcess(db: Db, auth: AuthContext, input: SalesProcessInput): Promise<SalesProcess> {
  checkStages(input.stages);
  return inTenant(db, auth, async (tx) => {
    await ensureDefaultProcessTx(tx, auth);
    // the default moves only by an explicit choice; a second default would break the partial unique index
    const id = await q.insertProcess(tx, auth.tenantId, { name: input.name, productLine: input.productLine, isDefault: false });
    // open stages first in the given order, then won, then lost: the kanban and funnel read them in seq order
    const ordered = [...input.stages.filter((s) => s.kind === 'open'), ...input.stages.filter((s) => s.kind === 'won'), ...input.stages.filter((s) => s.kind === 'lost')];
    await q.insertStages(tx, auth.tenantId, id, ordered.map((s, i) => ({ seq: i + 1, name: s.name, kind: s.kind, probability: s.probability, requirements: s.requirements })));
    const created = (await processWithStagesTx(tx, id))!;
    await recordAudit(tx, auth, { action: 'create', entityType: 'sales_process', entityId: id, before: null, after: created as unknown as Record<string, unknown> });
    return created;
  });
}

export async function updateProcess(db: Db, auth: AuthContext, id: string, patch: SalesProcessUpdate): Promise<SalesProcess> {
  return inTenant(db, auth, async (tx) => {
    const before = await processWithStagesTx(tx, id);
    if (!before) throw commonError('not_found', 'No such sales process');
    await q.updateProcess(tx, id, { name: patch.name ?? before.name, productLine: patch.productLine !== undefined ? patch.productLine : before.productLine, active: patch.active ?? before.active });
    for (const [i, s] of (patch.stages ?? []).entries()) {
      if (!before.stages.some((x) => x.id === s.id)) throw opportunityError('stage_not_found', undefined, { errors: [{ path: `stages.${i}.id`, message: 'not a stage of this process' }] });
      await q.updateStage(tx, s.id, s);
    }
    const after = (await processWithStagesTx(tx, id))!;
    await recordAudit(tx, auth, { action: 'update', entityType: 'sales_process', entityId: id, before: before as unknown as Record<string, unknown>, after: after as unknown as Record<string, unknown> });
    return after;
  });
}
