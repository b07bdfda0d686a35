// Approval definitions per document type: the tenant's stored rules, or the built-in ones until an admin saves some.
import { ApprovalRulesSchema, type ApprovalFacts, type ApprovalPreview, type ApprovalRules } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { approvalError } from './approvals.errors.js';
import { BUILT_IN_DEFINITIONS, builtInDefinition, evaluate, planSteps } from './approvals.rules.js';
import { previewApprovers } from './approvals.service.js';
import type { ApprovalDocType } from './registry.js';
import * as q from './approvals.sql.js';

export interface DefinitionView { docType: string; name: string; rules: ApprovalRules; builtIn: boolean; version: number; updatedAt: string | null }

export async function listDefinitions(db: Db, auth: AuthContext): Promise<{ items: DefinitionView[] }> {
  return inTenant(db, auth, async (tx) => {
    const stored = await q.listDefinitions(tx);
    const byType = new Map<string, DefinitionView>(Object.entries(BUILT_IN_DEFINITIONS).map(([docType, d]) => [docType, { docType, name: d.name, rules: d.rules, builtIn: true, version: 0, updatedAt: null }]));
    for (const d of stored) byType.set(d.doc_type, { docType: d.doc_type, name: d.name, rules: ApprovalRulesSchema.parse(d.rules), builtIn: false, version: d.version, updatedAt: d.updated_at });
    return { items: [...byType.values()].sort((a, b) => a.docType.localeCompare(b.docType)) };
  });
}

export async function putDefinition(db: Db, auth: AuthContext, docType: string, input: { name: string; rules: ApprovalRules; version?: number | undefined }): Promise<DefinitionView> {
  return inTenant(db, auth, async (tx) => {
    await checkApprovers(tx, auth.tenantId, input.rules);
    const before = await q.lockDefinition(tx, docType);
    if (input.version !== undefined && input.version !== (before?.version ?? 0)) throw approvalError('definition_conflict');
    const id = await q.upsertDefinition(tx, { tenantId: auth.tenantId, docType, name: input.name, rules: input.rules, userId: auth.userId });
    const after = (await q.findDefinition(tx, docType))!;
    await recordAudit(tx, auth, {
      action: before ? 'update' : 'create', entityType: 'approval_definition', entityId: id,
      before: { docType, name: before?.name ?? builtInDefinition(docType).name, rules: before?.rules ?? builtInDefinition(docType).rules },
      after: { docType, name: after.name, rules: after.rules },
    });
    return { docType, name: after.name, rules: ApprovalRulesSchema.parse(after.rules), builtIn: false, version: after.version, updatedAt: after.updated_at };
  });
}

/** A stored document's approval facts as it would be submitted now, and its submitter (app.ts: contracts' function). */
export type FactsOf = (db: Db, auth: AuthContext, docId: string) => Promise<{ facts: ApprovalFacts; submitter: string | null }>;
/** A customer's facts (grade, risk level, over credit for `amount`) and its owner, undefined when not visible (app.ts: contracts'). */
export type CustomerFactsOf = (db: Db, auth: AuthContext, customerId: string, amount: string | null) => Promise<{ facts: ApprovalFacts; submitter: string | null } | undefined>;

/**
 * "Which steps would this need?": a document's own facts (docId, through the document domain's FactsOf) or facts typed
 * in, against the stored rules or the ones being edited. Approvers are resolved as at submission (the submitter's
 * manager, the users in a role), the submitter excluded; nothing is stored.
 */
export async function previewDefinition(
  db: Db, auth: AuthContext, docType: string, input: { docId?: string | undefined; customerId?: string | undefined; facts?: ApprovalFacts | undefined; rules?: ApprovalRules | undefined },
  factsOf: Partial<Record<ApprovalDocType, FactsOf>>, customerFactsOf?: CustomerFactsOf,
): Promise<ApprovalPreview> {
  let facts: ApprovalFacts = input.facts ?? {};
  let submitter: string | null = null;
  if (input.customerId && !input.docId && customerFactsOf) {
    const amount = facts.amount === undefined || facts.amount === null ? null : String(facts.amount);
    const found = await customerFactsOf(db, auth, input.customerId, amount !== null && /^\d+(\.\d{1,2})?$/.test(amount) ? amount : null);
    if (!found) throw approvalError('not_found', 'No such customer', { errors: [{ path: 'customerId', message: 'no such customer' }] });
    facts = { ...facts, ...found.facts };
    submitter = found.submitter;
  }
  if (input.docId) {
    const of = factsOf[docType as ApprovalDocType];
    if (!of) throw approvalError('not_found', `A ${docType} cannot be previewed from a stored document; enter its facts`);
    const found = await of(db, auth, input.docId);
    facts = { ...found.facts, ...(input.facts ?? {}) };
    submitter = found.submitter;
  }
  return inTenant(db, auth, async (tx) => {
    const stored = await q.findDefinition(tx, docType);
    const rules = input.rules ?? (stored ? ApprovalRulesSchema.parse(stored.rules) : builtInDefinition(docType).rules);
    const planned = planSteps(rules, facts);
    const steps: ApprovalPreview['steps'] = [];
    for (const [i, s] of planned.entries()) steps.push({ seq: i + 1, name: s.name, rule: s.rule, approver: s.approver, approvers: await previewApprovers(tx, s.approver, submitter) });
    return { facts, matchedRules: rules.rules.filter((r) => evaluate(r.when, facts)).map((r) => r.name), steps };
  });
}

/** Every named approver must be a user of this tenant; the problem names each one that is not (unknown or foreign). */
async function checkApprovers(tx: Tx, tenantId: string, rules: ApprovalRules): Promise<void> {
  const named: Array<{ path: string; userId: string }> = [];
  const collect = (steps: ApprovalRules['otherwise'], at: string) => steps.forEach((s, i) => {
    if (s.approver.type === 'user') named.push({ path: `${at}.${i}.approver.userId`, userId: s.approver.userId.toLowerCase() });
  });
  rules.rules.forEach((r, i) => collect(r.steps, `rules.rules.${i}.steps`));
  collect(rules.otherwise, 'rules.otherwise');
  const known = await q.usersOfTenant(tx, tenantId, [...new Set(named.map((n) => n.userId))]);
  const errors = named.filter((n) => !known.has(n.userId)).map((n) => ({ path: n.path, message: 'no such user' }));
  if (errors.length) throw approvalError('approver_not_found', undefined, { errors });
}
