// The contract's status machine: draft → in_approval → approved → signed → in_performance → completed / terminated.
// Submission runs the compliance check and opens an approval; the engine calls back here on the final decision;
// signing stores the signed file's SHA-256, commits credit under the credit row lock and books on-signing instalments.
// Every transition is audited on the contract.
import crypto from 'node:crypto';
import { BOOK_CURRENCY, dec, type ApprovalFacts, type Compliance, type Contract } from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { emitEvent } from '../../platform/outbox.js';
import { commonError } from '../../platform/errors.js';
import { approvalHistory, cancelPendingApproval, submitForApproval, type ApprovalDecision } from '../approvals/index.js';
import { lockCustomer } from '../credit/index.js';
import { contractError } from './contracts.errors.js';
import * as q from './contracts.sql.js';
import * as lq from './lifecycle.sql.js';
import { loadVisible, toContract } from './contracts.service.js';
import { commitCredit, creditCheck, runCompliance } from './compliance.js';
import { instalmentTriggered, type BookInstalment } from './booking.js';
import { trim } from './terms.js';

async function transitionAudit(tx: Tx, actor: Actor, id: string, action: string, from: string, to: string, extra: Array<{ field: string; before: unknown; after: unknown }> = []) {
  await recordAudit(tx, actor, { action, entityType: 'contract', entityId: id, changes: [{ field: 'status', before: from, after: to }, ...extra] });
  await emitEvent(tx, actor, { type: 'contract.status_changed', entityType: 'contract', entityId: id, data: { id, action, from, to } });
}

function checkVersion(row: q.ContractRow, version: number | undefined) {
  if (version !== undefined && version !== row.version) throw commonError('version_conflict');
}

export async function complianceOf(db: Db, auth: AuthContext, id: string): Promise<Compliance> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id);
    return runCompliance(tx, auth.tenantId, row, (await q.linesOf(tx, id)).length, await q.instalmentsOf(tx, id));
  });
}

export async function submitContract(db: Db, auth: AuthContext, id: string, version?: number) {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.status !== 'draft') throw contractError('bad_status', `Only a draft can be submitted; this contract is ${row.status}`);
    checkVersion(row, version);
    const compliance = await runCompliance(tx, auth.tenantId, row, (await q.linesOf(tx, id)).length, await q.instalmentsOf(tx, id));
    const blocking = compliance.issues.filter((i) => i.severity === 'block');
    if (blocking.length > 0) {
      throw contractError('compliance_failed', blocking.map((i) => `${i.path}: ${i.message}`).join('; '), { errors: blocking.map((i) => ({ path: i.path, message: i.message })) });
    }
    const facts = approvalFactsOf(row, compliance);
    const approval = await submitForApproval(tx, auth, { docType: 'contract', docId: id, docNumber: row.number, title: `${row.title} · ${row.customer_name}`, facts });
    await q.setStatus(tx, id, 'in_approval');
    await transitionAudit(tx, auth, id, 'submit', 'draft', 'in_approval');
    if (approval.status === 'approved') await decideContract(tx, auth, { requestId: approval.requestId, docType: 'contract', docId: id, outcome: 'approved', comment: null, facts });
    const contract = await toContract(tx, (await q.findContract(tx, id, q.anyScope))!);
    return { contract, compliance, approval: { id: approval.requestId, status: approval.status, steps: approval.steps } };
  });
}

/** What the approval rules see of a contract when it is submitted. */
function approvalFactsOf(row: q.ContractRow, compliance: Compliance): ApprovalFacts {
  return {
    amount: row.amount_incl_tax, amountExclTax: row.amount_excl_tax, maxDiscount: trim(row.max_discount_rate, 0),
    paymentTermDays: row.payment_term_days, riskLevel: compliance.riskLevel, customerGrade: row.customer_grade,
    overCredit: compliance.issues.some((i) => i.code === 'credit_exceeded'), kind: row.kind, currency: row.currency,
  };
}

/** The facts a contract would be submitted with now, and who would submit it (its owner), for the rules' preview. */
export async function contractApprovalFacts(db: Db, auth: AuthContext, id: string): Promise<{ facts: ApprovalFacts; submitter: string | null }> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id);
    const compliance = await runCompliance(tx, auth.tenantId, row, (await q.linesOf(tx, id)).length, await q.instalmentsOf(tx, id));
    return { facts: approvalFactsOf(row, compliance), submitter: row.owner_id };
  });
}

/**
 * A customer's approval facts for the rules' preview, without a contract: its grade, its risk level and whether
 * `amount` would be over its available credit; the submitter would be its owner. Undefined when not visible.
 */
export async function customerApprovalFacts(db: Db, auth: AuthContext, customerId: string, amount: string | null): Promise<{ facts: ApprovalFacts; submitter: string | null } | undefined> {
  return inTenant(db, auth, async (tx) => {
    const c = await q.customerFor(tx, customerId, auth.userId, auth.scope);
    if (!c) return undefined;
    const credit = await creditCheck(tx, auth.tenantId, { id: '00000000-0000-0000-0000-000000000000', customer_id: c.id, currency: BOOK_CURRENCY }, amount ?? '0', false);
    return { facts: { customerGrade: c.grade, riskLevel: credit.riskLevel, overCredit: credit.over }, submitter: c.owner_id };
  });
}

/** The approval engine's callback for 'contract': approve (committing credit under lock) or back to draft. */
export async function decideContract(tx: Tx, actor: Actor, d: ApprovalDecision): Promise<void> {
  const row = await q.findContract(tx, d.docId, q.anyScope, true);
  if (!row || row.status !== 'in_approval') throw contractError('bad_status', 'The contract is not waiting for approval');
  if (d.outcome === 'approved') {
    const credit = await commitCredit(tx, actor.tenantId, row, row.kind === 'order' ? row.amount_incl_tax : '0', d.facts.overCredit === true);
    await q.setStatus(tx, row.id, 'approved', { creditOverride: credit.over });
    await transitionAudit(tx, actor, row.id, 'approve', 'in_approval', 'approved', credit.over ? [{ field: 'creditOverride', before: false, after: true }] : []);
    return;
  }
  await q.setStatus(tx, row.id, 'draft', { reason: d.comment, creditOverride: false });
  await transitionAudit(tx, actor, row.id, d.outcome === 'rejected' ? 'reject' : d.outcome === 'withdrawn' ? 'withdraw' : 'return', 'in_approval', 'draft', d.comment ? [{ field: 'reason', before: null, after: d.comment }] : []);
}

export interface SignInput {
  signedOn: string;
  signatories: Array<{ name: string; party: 'customer' | 'company'; title: string | null }>;
  file: { name: string; contentType: string; content: Buffer };
  version?: number | undefined;
}

/** Sign an approved contract; on-signing instalments are booked as receivables through `book` (app.ts gives the flow's). */
export async function signContract(db: Db, auth: AuthContext, id: string, input: SignInput, book: BookInstalment): Promise<Contract> {
  if (input.file.content.length === 0) throw contractError('bad_file', undefined, { errors: [{ path: 'file', message: 'the signed file is empty' }] });
  return inTenant(db, auth, async (tx) => {
    // Lock order (docs/adr/0004-lock-order.md): the customer, then the contract. Signing books receivables and checks
    // credit against the customer's open money, so it queues behind that customer's payments and write-offs.
    await lockCustomer(tx, (await loadVisible(tx, auth, id)).customer_id);
    const row = await loadVisible(tx, auth, id, true);
    if (row.status !== 'approved') throw contractError('bad_status', `Only an approved contract can be signed; this contract is ${row.status}`);
    checkVersion(row, input.version);
    // The limit may have been lowered or other money booked since approval: check again under the lock.
    const required = dec(row.kind === 'order' ? row.amount_incl_tax : '0').minus(dec(await lq.invoicedOn(tx, id))).toString();
    await commitCredit(tx, auth.tenantId, row, required, row.credit_override);
    const sha256 = crypto.createHash('sha256').update(input.file.content).digest('hex');
    const fileId = await lq.insertFile(tx, { tenantId: auth.tenantId, contractId: id, name: input.file.name, contentType: input.file.contentType, content: input.file.content, sha256, userId: auth.userId });
    await lq.setSigned(tx, id, { signedOn: input.signedOn, signatories: input.signatories, fileId });
    await transitionAudit(tx, auth, id, 'sign', 'approved', 'signed', [
      { field: 'signedOn', before: null, after: input.signedOn },
      { field: 'signatories', before: [], after: input.signatories.map((s) => `${s.party}: ${s.name}${s.title ? ` (${s.title})` : ''}`) },
      { field: 'signedFile', before: null, after: { name: input.file.name, size: input.file.content.length, sha256 } },
    ]);
    for (const inst of await q.instalmentsOf(tx, id, true)) {
      if (inst.trigger === 'on_signing' && !inst.triggered_on) await instalmentTriggered(tx, auth, book, row, inst, 'contract_signed', input.signedOn);
    }
    return toContract(tx, (await q.findContract(tx, id, q.anyScope))!);
  });
}

const TRANSITIONS: Record<string, string[]> = {
  in_performance: ['signed'],
  completed: ['signed', 'in_performance'],
  terminated: ['draft', 'in_approval', 'approved', 'signed', 'in_performance'],
};

export async function transitionContract(db: Db, auth: AuthContext, id: string, input: { status: 'in_performance' | 'completed' | 'terminated'; reason: string | null; version?: number | undefined }): Promise<Contract> {
  if (input.status === 'terminated' && !input.reason) throw commonError('invalid', 'Say why the contract is terminated', { errors: [{ path: 'reason', message: 'required to terminate' }] });
  return inTenant(db, auth, async (tx) => {
    await loadVisible(tx, auth, id);
    // Withdraw open approvals first: the engine locks request → document, so this path takes the same order.
    if (input.status !== 'in_performance') {
      await cancelPendingApproval(tx, auth, 'contract', id, input.reason);
      const amendment = await lq.pendingAmendmentOf(tx, id);
      if (amendment) {
        await cancelPendingApproval(tx, auth, 'contract_amendment', amendment, `contract ${input.status}`);
        await lq.decideAmendment(tx, amendment, 'cancelled', {}, {});
      }
    }
    const row = await loadVisible(tx, auth, id, true);
    checkVersion(row, input.version);
    if (!TRANSITIONS[input.status]!.includes(row.status)) throw contractError('bad_status', `A ${row.status} contract cannot become ${input.status}`);
    await q.setStatus(tx, id, input.status, { reason: input.reason });
    await transitionAudit(tx, auth, id, input.status === 'terminated' ? 'terminate' : 'status', row.status, input.status, input.reason ? [{ field: 'reason', before: null, after: input.reason }] : []);
    return toContract(tx, (await q.findContract(tx, id, q.anyScope))!);
  });
}

/** Move a signed contract into performance on its first delivery or accepted milestone (audited, the reason as a code
 * with its parameters, translated when shown). */
export async function startPerformance(tx: Tx, actor: Actor, row: q.ContractRow, why: { code: string } & Record<string, unknown>) {
  if (row.status !== 'signed') return;
  await q.setStatus(tx, row.id, 'in_performance');
  await transitionAudit(tx, actor, row.id, 'status', 'signed', 'in_performance', [{ field: 'reason', before: null, after: why }]);
}

export async function signedFile(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id);
    const file = row.signed_file_id ? await lq.fileContent(tx, row.signed_file_id) : undefined;
    if (!file) throw contractError('not_found', 'This contract has no signed file');
    return file;
  });
}

/** The approval history of a contract and of its amendments, for its page's timeline. */
export async function contractApprovals(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    await loadVisible(tx, auth, id);
    const own = await approvalHistory(tx, 'contract', id);
    const amendments = await lq.amendmentsOf(tx, id);
    const theirs = [];
    for (const a of amendments) theirs.push(...(await approvalHistory(tx, 'contract_amendment', a.id)));
    return { items: [...own, ...theirs].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
  });
}
