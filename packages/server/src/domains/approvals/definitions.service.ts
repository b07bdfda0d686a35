// Approval definitions per document type: the tenant's stored rules, or the built-in ones until an admin saves some.
import { ApprovalRulesSchema, type ApprovalRules } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { approvalError } from './approvals.errors.js';
import { BUILT_IN_DEFINITIONS, builtInDefinition } from './approvals.rules.js';
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
