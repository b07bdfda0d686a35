// The approval engine: a document is submitted with its facts; the definition's rules turn the facts into a chain
// of steps, each resolved to the users who may act (a role, the submitter's manager, one user). Each approve /
// reject / return is recorded (steps, action log, audit trail of the document) and notifies who is next; the final
// decision calls the document's registered handler in the same transaction.
import {
  ApprovalRulesSchema, type ApprovalFacts, type ApprovalRequest, type ApprovalRules, type Approver,
} from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { sendNotice, settleNotices } from '../notifications/index.js';
import { approvalError } from './approvals.errors.js';
import { builtInDefinition, planSteps } from './approvals.rules.js';
import { approvalHandler, type ApprovalDocType, type ApprovalOutcome } from './registry.js';
import * as q from './approvals.sql.js';

export interface SubmitInput {
  docType: ApprovalDocType; docId: string; docNumber: string; title: string; facts: ApprovalFacts;
  /** Where the steps go in the audit trail; default the document itself. */
  audit?: { entityType: string; entityId: string };
}
export interface SubmitResult { requestId: string; status: 'pending' | 'approved'; steps: Array<{ seq: number; name: string; approverIds: string[] }> }

async function definitionFor(tx: Tx, docType: string): Promise<{ rules: ApprovalRules; version: number | null }> {
  const stored = await q.findDefinition(tx, docType);
  if (stored) return { rules: ApprovalRulesSchema.parse(stored.rules), version: stored.version };
  return { rules: builtInDefinition(docType).rules, version: null };
}

async function resolveApprovers(tx: Tx, approver: Approver, submitter: string | null): Promise<string[]> {
  if (approver.type === 'role') return q.usersInRole(tx, approver.role, submitter);
  if (approver.type === 'roles') return q.usersInRoles(tx, approver.roles, submitter);
  if (approver.type === 'user') return approver.userId !== submitter && (await q.activeUser(tx, approver.userId)) ? [approver.userId] : [];
  const manager = submitter ? await q.managerOf(tx, submitter) : null;
  return manager ? [manager] : [];
}

// Built-in step and document names as a Chinese reader sees them; a tenant's own step names pass through as typed.
const STEP_NAME_ZH: Record<string, string> = { Manager: '直属经理', Finance: '财务', Executive: '管理层', 'Second approver': '复核人' }; // as the web app's approval.stepNames
const DOC_TYPE_TEXT: Record<ApprovalDocType, { zh: string; en: string }> = {
  contract: { zh: '合同', en: 'Contract' }, contract_amendment: { zh: '补充协议', en: 'Amendment' }, bad_debt: { zh: '坏账核销', en: 'Bad debt' },
  credit_limit: { zh: '信用额度调整', en: 'Credit limit' },
  invoice_request: { zh: '开票申请', en: 'Invoice request' },
  quote: { zh: '报价单', en: 'Quote' },
};
const OUTCOME_TEXT = { approved: { zh: '已通过', en: 'approved' }, rejected: { zh: '已驳回', en: 'rejected' }, returned: { zh: '已退回', en: 'returned' }, withdrawn: { zh: '已撤回', en: 'withdrawn' } } as const;

function docText(docType: string) {
  return DOC_TYPE_TEXT[docType as ApprovalDocType] ?? { zh: docType, en: docType };
}

async function notifyApprovers(tx: Tx, actor: Actor, req: { id: string; doc_type: string; doc_number: string; title: string; audit_entity_type: string; audit_entity_id: string }, step: { seq: number; name: string; approverIds: string[] }) {
  const doc = docText(req.doc_type);
  for (const userId of step.approverIds) {
    await sendNotice(tx, actor.tenantId, {
      userId, kind: 'approval.pending', entityType: req.audit_entity_type, entityId: req.audit_entity_id, dedupeKey: `approval:${req.id}:step:${step.seq}`,
      text: {
        'zh-CN': { title: `待审批：${doc.zh} ${req.doc_number}`, body: `${req.title} — 第 ${step.seq} 步：${STEP_NAME_ZH[step.name] ?? step.name}` },
        en: { title: `Approval needed: ${doc.en} ${req.doc_number}`, body: `${req.title} — step ${step.seq}: ${step.name}` },
      },
    });
  }
}

/** Open an approval request inside the caller's transaction. An empty chain approves at once (status 'approved'). */
export async function submitForApproval(tx: Tx, actor: Actor, input: SubmitInput): Promise<SubmitResult> {
  if (await q.pendingRequestFor(tx, input.docType, input.docId)) throw approvalError('already_pending');
  const submitter = actor.userId;
  const definition = await definitionFor(tx, input.docType);
  const steps: Array<SubmitResult['steps'][number] & { planned: (typeof planned)[number] }> = [];
  const planned = planSteps(definition.rules, input.facts);
  for (const s of planned) {
    let ids = await resolveApprovers(tx, s.approver, submitter);
    // Nobody fits (no team manager above the submitter, an empty role): escalate — executives decide for a missing
    // manager, then the tenant's admins. The submitter never approves their own request.
    if (ids.length === 0 && s.approver.type === 'manager') ids = await q.usersInRole(tx, 'executive', submitter);
    if (ids.length === 0) ids = await q.usersInRole(tx, 'admin', submitter);
    if (ids.length === 0) throw approvalError('no_approver', `Nobody but the submitter can approve the step "${s.name}"`);
    // An escalated step can land on the same people as another step; one decision from them is enough.
    const key = [...ids].sort().join(',');
    if (steps.some((p) => [...p.approverIds].sort().join(',') === key)) continue;
    steps.push({ seq: steps.length + 1, name: s.name, approverIds: ids, planned: s });
  }
  const status = steps.length > 0 ? 'pending' : 'approved';
  const audit = input.audit ?? { entityType: input.docType, entityId: input.docId };
  const requestId = await q.insertRequest(tx, {
    tenantId: actor.tenantId, docType: input.docType, docId: input.docId, docNumber: input.docNumber, title: input.title,
    auditType: audit.entityType, auditId: audit.entityId, facts: input.facts, definitionVersion: definition.version,
    submittedBy: submitter, status, currentSeq: steps.length > 0 ? 1 : null,
  });
  for (const [i, s] of steps.entries()) {
    await q.insertStep(tx, { tenantId: actor.tenantId, requestId, seq: s.seq, name: s.name, rule: s.planned.rule, approver: s.planned.approver, approverIds: s.approverIds, status: i === 0 ? 'pending' : 'waiting' });
  }
  await q.insertAction(tx, { tenantId: actor.tenantId, requestId, stepSeq: null, action: 'submit', actorId: submitter, comment: null });
  if (status === 'approved') await q.insertAction(tx, { tenantId: actor.tenantId, requestId, stepSeq: null, action: 'auto_approve', actorId: null, comment: null });
  await recordAudit(tx, actor, {
    action: 'approval_submit', entityType: audit.entityType, entityId: audit.entityId,
    changes: [
      { field: 'approvalChain', before: null, after: steps.length > 0 ? steps.map((s) => s.name).join(' → ') : 'approved without steps' },
      { field: 'approvalFacts', before: null, after: input.facts },
    ],
  });
  if (steps[0]) await notifyApprovers(tx, actor, { id: requestId, doc_type: input.docType, doc_number: input.docNumber, title: input.title, audit_entity_type: audit.entityType, audit_entity_id: audit.entityId }, steps[0]);
  return { requestId, status, steps: steps.map(({ seq, name, approverIds }) => ({ seq, name, approverIds })) };
}

/** Withdraw a pending request (the document was terminated or changed underneath it). */
export async function cancelPendingApproval(tx: Tx, actor: Actor, docType: string, docId: string, reason: string | null): Promise<boolean> {
  const req = await q.pendingRequestFor(tx, docType, docId);
  if (!req) return false;
  await q.cancelWaitingSteps(tx, req.id);
  await q.updateRequest(tx, req.id, 'cancelled', null);
  await q.insertAction(tx, { tenantId: actor.tenantId, requestId: req.id, stepSeq: req.current_seq, action: 'cancel', actorId: actor.userId, comment: reason });
  await recordAudit(tx, actor, { action: 'approval_cancel', entityType: req.audit_entity_type, entityId: req.audit_entity_id, changes: [{ field: 'approval', before: 'pending', after: 'cancelled' }] });
  return true;
}

const STEP_STATUS = { approve: 'approved', reject: 'rejected', return: 'returned' } as const;

/**
 * The submitter takes back a request nobody has decided yet: the waiting steps are cancelled (they leave the
 * approvers' inboxes, and their notices are marked read), the action and the audit entry say so, and the document's handler hears 'withdrawn' in the same
 * transaction (a contract returns to draft). A decided request is 409 not_pending. Lock order: the request, then the
 * document (as a decision).
 */
export async function withdrawApproval(db: Db, auth: AuthContext, requestId: string, reason: string | null): Promise<ApprovalRequest> {
  return inTenant(db, auth, async (tx) => {
    const req = await q.findRequest(tx, requestId, true);
    if (!req || (auth.scope !== 'all' && !(await q.isParticipant(tx, requestId, auth.userId)))) throw approvalError('not_found');
    if (req.submitted_by !== auth.userId) throw approvalError('not_submitter');
    if (req.status !== 'pending') throw approvalError('not_pending', `This request is ${req.status} already; only a pending one can be withdrawn`);
    await q.cancelWaitingSteps(tx, requestId);
    await q.updateRequest(tx, requestId, 'withdrawn', null);
    await settleNotices(tx, `approval:${requestId}:`); // the approvers' 待审批 notices: nothing waits for them any more
    await q.insertAction(tx, { tenantId: auth.tenantId, requestId, stepSeq: req.current_seq, action: 'withdraw', actorId: auth.userId, comment: reason });
    await recordAudit(tx, auth, {
      action: 'approval_withdraw', entityType: req.audit_entity_type, entityId: req.audit_entity_id,
      changes: [{ field: 'approval', before: 'pending', after: 'withdrawn' }, ...(reason ? [{ field: 'reason', before: null, after: reason }] : [])],
    });
    const handler = approvalHandler(req.doc_type);
    if (!handler) throw approvalError('no_handler', `No approval handler for ${req.doc_type}`);
    await handler.onDecided(tx, auth, { requestId, docType: req.doc_type as ApprovalDocType, docId: req.doc_id, outcome: 'withdrawn', comment: reason, facts: req.facts as ApprovalFacts });
    return (await views(tx, [(await q.findRequest(tx, requestId))!]))[0]!;
  });
}

/** Who a step would go to, as names (a preview: the manager of `submitter`, the users in a role…). */
export async function previewApprovers(tx: Tx, approver: Approver, submitter: string | null): Promise<Array<{ id: string; name: string }>> {
  const ids = await resolveApprovers(tx, approver, submitter);
  const names = await q.userNames(tx, ids);
  return ids.map((id) => ({ id, name: names.get(id) ?? '' }));
}

export async function actOnApproval(db: Db, auth: AuthContext, requestId: string, action: 'approve' | 'reject' | 'return', comment: string | null): Promise<ApprovalRequest> {
  return inTenant(db, auth, (tx) => actOnApprovalTx(tx, auth, requestId, action, comment));
}

/** The pending approval request of a document, if any (read without a lock: acting on it locks it). */
export async function pendingApprovalOf(tx: Tx, docType: ApprovalDocType, docId: string): Promise<string | null> {
  return (await q.pendingRequestIdFor(tx, docType, docId)) ?? null;
}

/** Ids of the documents of one type whose current step waits for this user's decision. */
export async function awaitingDecisionBy(tx: Tx, userId: string, docType: ApprovalDocType): Promise<string[]> {
  return q.awaitingDocIds(tx, userId, docType);
}

/**
 * Approve, reject or return the current step, inside the caller's transaction (a document's own route may decide
 * through the engine). Lock order (docs/adr/0004-lock-order.md): the approval request first, then whatever the
 * document's handler locks.
 */
export async function actOnApprovalTx(tx: Tx, auth: AuthContext, requestId: string, action: 'approve' | 'reject' | 'return', comment: string | null): Promise<ApprovalRequest> {
  const req = await q.findRequest(tx, requestId, true);
  if (!req || !(await q.isParticipant(tx, requestId, auth.userId))) throw approvalError('not_found');
  if (req.status !== 'pending') throw approvalError('not_pending');
  const steps = await q.stepsOf(tx, [requestId]);
  const step = steps.find((s) => s.seq === req.current_seq);
  if (!step || step.status !== 'pending') throw approvalError('not_pending');
  if (!step.approver_ids.includes(auth.userId)) throw approvalError('not_your_step');
  const stepStatus = STEP_STATUS[action];
  await q.setStep(tx, requestId, step.seq, stepStatus, auth.userId, comment);
  await q.insertAction(tx, { tenantId: auth.tenantId, requestId, stepSeq: step.seq, action, actorId: auth.userId, comment });
  await recordAudit(tx, auth, {
    action: `approval_${action}`, entityType: req.audit_entity_type, entityId: req.audit_entity_id,
    changes: [
      { field: 'approvalStep', before: null, after: `${step.seq}/${steps.length} ${step.name}` },
      { field: 'decision', before: 'pending', after: stepStatus },
      ...(comment ? [{ field: 'comment', before: null, after: comment }] : []),
    ],
  });
  const next = steps.find((s) => s.seq === step.seq + 1);
  if (action === 'approve' && next) {
    await q.setStep(tx, requestId, next.seq, 'pending', null, null);
    await q.updateRequest(tx, requestId, 'pending', next.seq);
    await notifyApprovers(tx, auth, req, { seq: next.seq, name: next.name, approverIds: next.approver_ids });
  } else {
    const outcome: ApprovalOutcome = stepStatus;
    await q.cancelWaitingSteps(tx, requestId);
    await q.updateRequest(tx, requestId, outcome, null);
    const handler = approvalHandler(req.doc_type);
    if (!handler) throw approvalError('no_handler', `No approval handler for ${req.doc_type}`);
    await handler.onDecided(tx, auth, { requestId, docType: req.doc_type as ApprovalDocType, docId: req.doc_id, outcome, comment, facts: req.facts as ApprovalFacts });
    if (req.submitted_by) {
      const doc = docText(req.doc_type);
      const said = OUTCOME_TEXT[outcome];
      await sendNotice(tx, auth.tenantId, {
        userId: req.submitted_by, kind: `approval.${outcome}`, entityType: req.audit_entity_type, entityId: req.audit_entity_id, dedupeKey: `approval:${requestId}:${outcome}`,
        text: {
          'zh-CN': { title: `${doc.zh} ${req.doc_number} ${said.zh}`, body: comment ? `${req.title}：${comment}` : req.title },
          en: { title: `${doc.en} ${req.doc_number} ${said.en}`, body: comment ? `${req.title}: ${comment}` : req.title },
        },
      });
    }
  }
  return (await views(tx, [(await q.findRequest(tx, requestId))!]))[0]!;
}

async function views(tx: Tx, rows: q.RequestRow[]): Promise<ApprovalRequest[]> {
  const ids = rows.map((r) => r.id);
  const steps = await q.stepsOf(tx, ids);
  const actions = await q.actionsOf(tx, ids);
  const names = await q.userNames(tx, [...new Set(steps.flatMap((s) => s.approver_ids))]);
  return rows.map((r) => ({
    id: r.id, docType: r.doc_type, docId: r.doc_id, docNumber: r.doc_number, title: r.title,
    status: r.status as ApprovalRequest['status'], currentStep: r.current_seq, facts: r.facts as ApprovalFacts,
    submittedBy: r.submitted_by ? { id: r.submitted_by, name: r.submitted_by_name ?? '' } : null, createdAt: r.created_at, decidedAt: r.decided_at,
    steps: steps.filter((s) => s.request_id === r.id).map((s) => ({
      id: s.id, seq: s.seq, name: s.name, rule: s.rule, status: s.status as ApprovalRequest['steps'][number]['status'],
      approvers: s.approver_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
      actedBy: s.acted_by ? { id: s.acted_by, name: s.acted_by_name ?? '' } : null, actedAt: s.acted_at, comment: s.comment,
    })),
    actions: actions.filter((a) => a.request_id === r.id).map((a) => ({
      id: a.id, action: a.action, stepSeq: a.step_seq, actor: a.actor_id ? { id: a.actor_id, name: a.actor_name ?? '' } : null, comment: a.comment, at: a.at,
    })),
  }));
}

/** Every approval request of one document, oldest first, for its page's timeline (the caller checks visibility). */
export async function approvalHistory(tx: Tx, docType: string, docId: string): Promise<ApprovalRequest[]> {
  return views(tx, await q.requestsForDoc(tx, docType, docId));
}

export async function getApproval(db: Db, auth: AuthContext, id: string): Promise<ApprovalRequest> {
  return inTenant(db, auth, async (tx) => {
    const row = await q.findRequest(tx, id);
    if (!row || (auth.scope !== 'all' && !(await q.isParticipant(tx, id, auth.userId)))) throw approvalError('not_found');
    return (await views(tx, [row]))[0]!;
  });
}

export async function approvalInbox(db: Db, auth: AuthContext, query: { docType?: string | undefined; limit: number }) {
  return inTenant(db, auth, async (tx) => {
    const rows = await q.inbox(tx, auth.userId, query.docType ?? null, query.limit);
    return {
      items: rows.map((r) => ({
        id: r.id, docType: r.doc_type, docId: r.doc_id, docNumber: r.doc_number, title: r.title, stepSeq: r.step_seq, stepName: r.step_name,
        subjectType: r.audit_entity_type, subjectId: r.audit_entity_id,
        facts: r.facts as ApprovalFacts, submittedBy: r.submitted_by ? { id: r.submitted_by, name: r.submitted_by_name ?? '' } : null,
        createdAt: r.created_at, waitingSince: r.pending_since,
      })),
    };
  });
}
