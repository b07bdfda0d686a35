// Key accounts: the group a customer belongs to (its topmost parent and every subsidiary under it, from customers'
// parent_id) and the decision map of one customer — each contact's role in the buying decision, influence (1–5) and
// attitude, and the relations between contacts (reports to, influences, ally, rival). Opportunities read the map for
// the decision-chain dimension of their health.
// A subsidiary outside the caller's data scope stays in the tree by name (the group's shape is not a secret; its
// owner, grade and records are): visible false, no owner, no grade.
import type { z } from 'zod';
import type { AccountTree, ContactRelationInput, DecisionMap, DecisionRoleInput } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { keyAccountError } from './key-accounts.errors.js';
import * as q from './key-accounts.sql.js';

const TREE_LIMIT = 500;

export async function accountTree(db: Db, auth: AuthContext, customerId: string): Promise<AccountTree> {
  return inTenant(db, auth, async (tx) => {
    if (!(await q.customerFor(tx, customerId, auth.userId, auth.scope))) throw keyAccountError('customer_not_found');
    const rootId = await q.rootOf(tx, customerId);
    const rows = await q.treeUnder(tx, rootId, auth.userId, auth.scope, TREE_LIMIT);
    return {
      rootId, focusId: customerId,
      nodes: rows.map((r) => ({
        id: r.id, parentId: r.parent_id, depth: r.depth, name: r.name, number: r.visible ? r.number : '', grade: r.visible ? r.grade : null,
        owner: r.visible && r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null, visible: r.visible,
      })),
    };
  });
}

async function mapOf(tx: Parameters<Parameters<typeof inTenant>[2]>[0], customer: { id: string; name: string }): Promise<DecisionMap> {
  const [nodes, edges] = [await q.mapNodes(tx, customer.id), await q.mapEdges(tx, customer.id)];
  return {
    customer,
    nodes: nodes.map((n) => ({ contactId: n.contact_id, name: n.name, title: n.title, role: n.role as DecisionMap['nodes'][number]['role'], influence: n.influence, attitude: n.attitude as DecisionMap['nodes'][number]['attitude'], note: n.note })),
    edges: edges.map((e) => ({ id: e.id, from: e.from_contact_id, to: e.to_contact_id, kind: e.kind as DecisionMap['edges'][number]['kind'], note: e.note })),
  };
}

export async function decisionMap(db: Db, auth: AuthContext, customerId: string): Promise<DecisionMap> {
  return inTenant(db, auth, async (tx) => {
    const c = await q.customerFor(tx, customerId, auth.userId, auth.scope);
    if (!c) throw keyAccountError('customer_not_found');
    return mapOf(tx, c);
  });
}

/** A contact the caller may map: one of a customer in her scope. */
async function contactInScope(tx: Parameters<Parameters<typeof inTenant>[2]>[0], auth: AuthContext, contactId: string, path = 'contactId') {
  const customerId = await q.contactCustomer(tx, contactId);
  const c = customerId ? await q.customerFor(tx, customerId, auth.userId, auth.scope) : undefined;
  if (!c) throw keyAccountError('contact_not_found', undefined, { errors: [{ path, message: 'no such contact in your scope' }] });
  return c;
}

export async function setDecisionRole(db: Db, auth: AuthContext, contactId: string, input: z.infer<typeof DecisionRoleInput>): Promise<DecisionMap> {
  return inTenant(db, auth, async (tx) => {
    const c = await contactInScope(tx, auth, contactId, 'id');
    const before = await q.roleOf(tx, contactId);
    await q.upsertRole(tx, auth.tenantId, c.id, contactId, input);
    await recordAudit(tx, auth, { action: before ? 'update' : 'create', entityType: 'decision_role', entityId: contactId, before: before ?? null, after: { ...input } });
    return mapOf(tx, c);
  });
}

export async function addRelation(db: Db, auth: AuthContext, input: z.infer<typeof ContactRelationInput>): Promise<DecisionMap> {
  return inTenant(db, auth, async (tx) => {
    const c = await contactInScope(tx, auth, input.fromContactId, 'fromContactId');
    const c2 = await contactInScope(tx, auth, input.toContactId, 'toContactId');
    if (c.id !== c2.id || input.fromContactId === input.toContactId) {
      throw keyAccountError('other_customer', undefined, { errors: [{ path: 'toContactId', message: 'another contact of the same customer' }] });
    }
    const id = await q.insertRelation(tx, auth.tenantId, c.id, input);
    await recordAudit(tx, auth, { action: 'create', entityType: 'contact_relation', entityId: id, before: null, after: { ...input } });
    return mapOf(tx, c);
  });
}

export async function removeRelation(db: Db, auth: AuthContext, id: string): Promise<DecisionMap> {
  return inTenant(db, auth, async (tx) => {
    const rel = await q.findRelation(tx, id);
    const c = rel ? await q.customerFor(tx, rel.customer_id, auth.userId, auth.scope) : undefined;
    if (!rel || !c) throw keyAccountError('relation_not_found');
    await q.deleteRelation(tx, id);
    await recordAudit(tx, auth, { action: 'delete', entityType: 'contact_relation', entityId: id, before: { fromContactId: rel.from_contact_id, toContactId: rel.to_contact_id, kind: rel.kind }, after: null });
    return mapOf(tx, c);
  });
}
