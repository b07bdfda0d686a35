// Duplicate rules (admin) and duplicate checks (anyone who may read): a check finds only records in the caller's data
// scope — nothing out of scope is matched, counted or named.
import type { DuplicateCheckInput, DuplicateMatches, DuplicateObject, DuplicateRule, DuplicateRuleInput } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { DUPLICATE_OBJECTS } from '@l2c/shared';
import { leadScope } from '../leads/index.js';
import { dedupError } from './dedup.errors.js';
import { builtInRule } from './dedup.rules.js';
import { matchCandidatesTx, type CandidateMatches } from './match.service.js';
import * as r from './rules.sql.js';
import { recordForCheck } from './records.sql.js';

function view(x: r.RuleRow): DuplicateRule {
  return { id: x.id, object: x.object, name: x.name, fields: x.fields as DuplicateRule['fields'], blocking: x.blocking, threshold: Number(x.threshold), action: x.action, active: x.active, builtIn: false, version: x.version };
}

/** The tenant's rules, and for an object without any the built-in rule that applies to it. */
export async function listDuplicateRules(db: Db, auth: AuthContext): Promise<{ items: DuplicateRule[] }> {
  return inTenant(db, auth, async (tx) => {
    const rows = (await r.listRules(tx)).map(view);
    const builtIns = DUPLICATE_OBJECTS.filter((o) => !rows.some((x) => x.object === o))
      .map((o): DuplicateRule => ({ ...builtInRule(o), builtIn: true, active: true, version: 0 }));
    return { items: [...rows, ...builtIns] };
  });
}

export async function createDuplicateRule(db: Db, auth: AuthContext, input: DuplicateRuleInput): Promise<DuplicateRule> {
  return inTenant(db, auth, async (tx) => {
    const id = await r.insertRule(tx, auth.tenantId, input);
    const row = view((await r.findRule(tx, id))!);
    await recordAudit(tx, auth, { action: 'create', entityType: 'duplicate_rule', entityId: id, after: row });
    return row;
  });
}

export async function updateDuplicateRule(db: Db, auth: AuthContext, id: string, input: Partial<DuplicateRuleInput> & { version: number }): Promise<DuplicateRule> {
  return inTenant(db, auth, async (tx) => {
    const found = await r.findRule(tx, id, true);
    if (!found) throw dedupError('rule_not_found');
    if (found.version !== input.version) throw commonError('version_conflict');
    const before = view(found);
    const { version: _v, ...changes } = input;
    const next = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    await r.updateRule(tx, id, { object: next.object, name: next.name, fields: next.fields, blocking: next.blocking, threshold: next.threshold, action: next.action, active: next.active });
    const after = view((await r.findRule(tx, id))!);
    await recordAudit(tx, auth, { action: 'update', entityType: 'duplicate_rule', entityId: id, before, after });
    return after;
  });
}

export async function deleteDuplicateRule(db: Db, auth: AuthContext, id: string): Promise<void> {
  await inTenant(db, auth, async (tx) => {
    const found = await r.findRule(tx, id, true);
    if (!found) throw dedupError('rule_not_found');
    await r.deleteRule(tx, id);
    await recordAudit(tx, auth, { action: 'delete', entityType: 'duplicate_rule', entityId: id, before: view(found) });
  });
}

/** The caller's scope for matching: leads follow leads' rule (a marketer distributes every lead). */
function scopeOf(auth: AuthContext) {
  return { userId: auth.userId, scope: auth.scope, leadScope: leadScope(auth) };
}

function answer(c: CandidateMatches | undefined): DuplicateMatches {
  return { action: c?.action ?? 'none', items: c?.matches ?? [] };
}

/** Would these values duplicate a record the caller can see? */
export async function checkDuplicates(db: Db, auth: AuthContext, input: DuplicateCheckInput): Promise<DuplicateMatches> {
  return inTenant(db, auth, async (tx) => {
    const [c] = await matchCandidatesTx(tx, [{ company: input.companyName, creditCode: input.creditCode, phone: input.phone, email: input.email }],
      { object: input.object, visibleTo: scopeOf(auth), limit: 20 });
    return answer(c);
  });
}

/** The duplicates of one record (customer, contact or lead) the caller can see; the record itself must be in scope. */
export async function duplicatesOf(db: Db, auth: AuthContext, object: DuplicateObject, id: string): Promise<DuplicateMatches> {
  return inTenant(db, auth, async (tx) => {
    const scope = scopeOf(auth);
    const rec = await recordForCheck(tx, object, id, scope);
    if (!rec) throw dedupError('record_not_found');
    const [c] = await matchCandidatesTx(tx, [{ company: rec.company, creditCode: rec.credit_code, phone: rec.phone, email: rec.email }],
      { object, visibleTo: scope, excludeIds: [id], limit: 20 });
    return answer(c);
  });
}
