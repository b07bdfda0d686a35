// Approval queries only; the engine's rules live in approvals.service.ts.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Tx } from '../../platform/db.js';
import type { ApprovalActionsTable, ApprovalRequestsTable, ApprovalStepsTable } from '../../platform/schema.js';

function selectDefinition(tx: Tx) {
  return tx.selectFrom('approval_definitions').select(['doc_type', 'name', 'rules', 'version', 'updated_at']);
}

export type DefinitionRow = Awaited<ReturnType<typeof listDefinitions>>[number];

export async function findDefinition(tx: Tx, docType: string): Promise<DefinitionRow | undefined> {
  return selectDefinition(tx).where('doc_type', '=', docType).executeTakeFirst();
}

export async function listDefinitions(tx: Tx) {
  return selectDefinition(tx).orderBy('doc_type').execute();
}

export async function lockDefinition(tx: Tx, docType: string): Promise<DefinitionRow | undefined> {
  return selectDefinition(tx).where('doc_type', '=', docType).forUpdate().executeTakeFirst();
}

export async function upsertDefinition(tx: Tx, d: { tenantId: string; docType: string; name: string; rules: unknown; userId: string }): Promise<string> {
  const r = await tx.insertInto('approval_definitions')
    .values({ tenant_id: d.tenantId, doc_type: d.docType, name: d.name, rules: JSON.stringify(d.rules), updated_by: d.userId })
    .onConflict((oc) => oc.columns(['tenant_id', 'doc_type']).doUpdateSet((eb) => ({
      name: eb.ref('excluded.name'), rules: eb.ref('excluded.rules'), updated_by: eb.ref('excluded.updated_by'),
      version: eb('approval_definitions.version', '+', 1), updated_at: sql`now()`,
    })))
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Active users in a role, except `exclude` (nobody approves their own submission). */
export async function usersInRole(tx: Tx, role: string, exclude: string | null): Promise<string[]> {
  return usersInRoles(tx, [role], exclude);
}

/** Active users in any of `roles`, except `exclude`. */
export async function usersInRoles(tx: Tx, roles: string[], exclude: string | null): Promise<string[]> {
  const r = await sql<{ id: string }>`select id from users where role = any(${roles}::text[]) and active
    and (${exclude}::uuid is null or id <> ${exclude}::uuid) order by name, id`.execute(tx);
  return r.rows.map((x) => x.id);
}

/** Which of `ids` are users of the tenant. Said in SQL, not left to row-level security alone: a definition stores its
 * approvers as JSON, where no foreign key can check them. */
export async function usersOfTenant(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const r = await tx.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  return new Set(r.map((x) => x.id));
}

export async function activeUser(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('users').select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst()) !== undefined;
}

/**
 * The submitter's manager: the manager of their team; when that is the submitter themself (or nobody, or inactive),
 * the manager of the parent team, and so on up the tree.
 */
export async function managerOf(tx: Tx, userId: string): Promise<string | null> {
  const r = await sql<{ manager_id: string }>`
    with recursive up as (
      select t.id, t.parent_id, t.manager_id, 0 as depth from teams t join users u on u.team_id = t.id where u.id = ${userId}
      union all
      select t.id, t.parent_id, t.manager_id, up.depth + 1 from teams t join up on t.id = up.parent_id where up.depth < 50
    )
    select up.manager_id from up join users m on m.id = up.manager_id
    where up.manager_id <> ${userId}::uuid and m.active order by up.depth limit 1`.execute(tx);
  return r.rows[0]?.manager_id ?? null;
}

function selectRequest(tx: Tx) {
  return tx.selectFrom('approval_requests as r').leftJoin('users as u', 'u.id', 'r.submitted_by')
    .select(['r.id', 'r.doc_type', 'r.doc_id', 'r.doc_number', 'r.title', 'r.audit_entity_type', 'r.audit_entity_id', 'r.status',
      'r.current_seq', 'r.facts', 'r.submitted_by', 'u.name as submitted_by_name', 'r.created_at', 'r.decided_at']);
}

export type RequestRow = Awaited<ReturnType<typeof requestsForDoc>>[number];
// the inbox's hand-written statement selects the same columns
const requestSelect = sql`r.id, r.doc_type, r.doc_id, r.doc_number, r.title, r.audit_entity_type, r.audit_entity_id, r.status,
  r.current_seq, r.facts, r.submitted_by, u.name as submitted_by_name, r.created_at, r.decided_at`;

export async function insertRequest(tx: Tx, x: {
  tenantId: string; docType: string; docId: string; docNumber: string; title: string; auditType: string; auditId: string;
  facts: unknown; definitionVersion: number | null; submittedBy: string | null; status: RequestStatus; currentSeq: number | null;
}): Promise<string> {
  const r = await tx.insertInto('approval_requests').values({
    tenant_id: x.tenantId, doc_type: x.docType, doc_id: x.docId, doc_number: x.docNumber, title: x.title, audit_entity_type: x.auditType,
    audit_entity_id: x.auditId, status: x.status, current_seq: x.currentSeq, facts: JSON.stringify(x.facts), definition_version: x.definitionVersion,
    submitted_by: x.submittedBy, decided_at: x.status === 'pending' ? null : sql<string>`now()`,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertStep(tx: Tx, x: { tenantId: string; requestId: string; seq: number; name: string; rule: string | null; approver: unknown; approverIds: string[]; status: StepStatus }) {
  await tx.insertInto('approval_steps').values({
    tenant_id: x.tenantId, request_id: x.requestId, seq: x.seq, name: x.name, rule: x.rule, approver: JSON.stringify(x.approver),
    approver_ids: x.approverIds, status: x.status, pending_since: x.status === 'pending' ? sql<string>`now()` : null,
  }).execute();
}

export async function insertAction(tx: Tx, x: { tenantId: string; requestId: string; stepSeq: number | null; action: Insertable<ApprovalActionsTable>['action']; actorId: string | null; comment: string | null }) {
  await tx.insertInto('approval_actions').values({
    tenant_id: x.tenantId, request_id: x.requestId, step_seq: x.stepSeq, action: x.action, actor_id: x.actorId, comment: x.comment,
  }).execute();
}

export async function findRequest(tx: Tx, id: string, forUpdate = false): Promise<RequestRow | undefined> {
  const q = selectRequest(tx).where('r.id', '=', id);
  return (forUpdate ? q.forUpdate('r') : q).executeTakeFirst();
}

export async function requestsForDoc(tx: Tx, docType: string, docId: string) {
  return selectRequest(tx).where('r.doc_type', '=', docType).where('r.doc_id', '=', docId).orderBy('r.created_at').orderBy('r.id').execute();
}

export async function pendingRequestFor(tx: Tx, docType: string, docId: string): Promise<RequestRow | undefined> {
  return selectRequest(tx).where('r.doc_type', '=', docType).where('r.doc_id', '=', docId).where('r.status', '=', 'pending')
    .forUpdate('r').executeTakeFirst();
}

/** The pending request of a document, read without a lock (the engine locks it when it acts). */
export async function pendingRequestIdFor(tx: Tx, docType: string, docId: string): Promise<string | undefined> {
  const r = await tx.selectFrom('approval_requests').select('id')
    .where('doc_type', '=', docType).where('doc_id', '=', docId).where('status', '=', 'pending').executeTakeFirst();
  return r?.id;
}

/** Documents of one type whose current step waits for this user. */
export async function awaitingDocIds(tx: Tx, userId: string, docType: string): Promise<string[]> {
  const r = await sql<{ doc_id: string }>`select r.doc_id from approval_steps s join approval_requests r on r.id = s.request_id
    where s.status = 'pending' and r.status = 'pending' and r.doc_type = ${docType} and ${userId}::uuid = any(s.approver_ids)`.execute(tx);
  return r.rows.map((x) => x.doc_id);
}

export async function updateRequest(tx: Tx, id: string, status: RequestStatus, currentSeq: number | null) {
  await tx.updateTable('approval_requests').set({
    status, current_seq: currentSeq, decided_at: status === 'pending' ? null : sql<string>`now()`,
  }).where('id', '=', id).execute();
}

type RequestStatus = Selectable<ApprovalRequestsTable>['status'];
type StepStatus = ApprovalStepsTable['status'];

export type StepRow = Awaited<ReturnType<typeof stepsOf>>[number];

export async function stepsOf(tx: Tx, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return tx.selectFrom('approval_steps as s').leftJoin('users as u', 'u.id', 's.acted_by')
    .select(['s.id', 's.request_id', 's.seq', 's.name', 's.rule', 's.approver_ids', 's.status', 's.pending_since', 's.acted_by',
      'u.name as acted_by_name', 's.acted_at', 's.comment'])
    .where('s.request_id', 'in', requestIds).orderBy('s.request_id').orderBy('s.seq').execute();
}

export async function setStep(tx: Tx, requestId: string, seq: number, status: StepStatus, actorId: string | null, comment: string | null) {
  await tx.updateTable('approval_steps').set((eb) => ({
    status, pending_since: status === 'pending' ? sql<string>`now()` : eb.ref('pending_since'),
    acted_by: actorId ?? eb.ref('acted_by'), acted_at: actorId === null ? eb.ref('acted_at') : sql<string>`now()`,
    comment: comment ?? eb.ref('comment'),
  })).where('request_id', '=', requestId).where('seq', '=', seq).execute();
}

export async function cancelWaitingSteps(tx: Tx, requestId: string) {
  await tx.updateTable('approval_steps').set({ status: 'cancelled' }).where('request_id', '=', requestId).where('status', 'in', ['waiting', 'pending']).execute();
}

export type ActionRow = Awaited<ReturnType<typeof actionsOf>>[number];

export async function actionsOf(tx: Tx, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return tx.selectFrom('approval_actions as a').leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.request_id', 'a.step_seq', 'a.action', 'a.actor_id', 'u.name as actor_name', 'a.comment', 'a.at'])
    .where('a.request_id', 'in', requestIds).orderBy('a.at').orderBy('a.id').execute();
}

export async function userNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await tx.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(r.map((x) => [x.id, x.name]));
}

export interface InboxRow extends RequestRow { step_seq: number; step_name: string; pending_since: string }

export async function inbox(tx: Tx, userId: string, docType: string | null, limit: number): Promise<InboxRow[]> {
  return (await sql<InboxRow>`select ${requestSelect}, s.seq as step_seq, s.name as step_name, s.pending_since
    from approval_steps s join approval_requests r on r.id = s.request_id left join users u on u.id = r.submitted_by
    where s.status = 'pending' and r.status = 'pending' and ${userId}::uuid = any(s.approver_ids)
      and (${docType}::text is null or r.doc_type = ${docType})
    order by s.pending_since, r.id limit ${limit}`.execute(tx)).rows;
}

/** Has this user taken part in the request (submitted it, or is or was an approver of one of its steps)? */
export async function isParticipant(tx: Tx, requestId: string, userId: string): Promise<boolean> {
  const r = await sql`select 1 from approval_requests r where r.id = ${requestId} and (r.submitted_by = ${userId}
    or exists (select 1 from approval_steps s where s.request_id = r.id and ${userId}::uuid = any(s.approver_ids)))`.execute(tx);
  return r.rows.length > 0;
}
