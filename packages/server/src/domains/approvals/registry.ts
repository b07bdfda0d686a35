// Documents register what happens to them when their approval ends. The engine calls the handler inside the
// transaction of the deciding action, so the decision and its effect on the document commit together — or, when
// the handler refuses (e.g. over the credit limit), neither does. Approvals import no document domain.
import type { ApprovalFacts } from '@l2c/shared';
import type { Actor, Tx } from '../../platform/db.js';

export type ApprovalOutcome = 'approved' | 'rejected' | 'returned';

export interface ApprovalDecision {
  requestId: string;
  docType: string;
  docId: string;
  outcome: ApprovalOutcome;
  comment: string | null;
  facts: ApprovalFacts;
}

export interface ApprovalHandler {
  onDecided(tx: Tx, actor: Actor, decision: ApprovalDecision): Promise<void>;
}

const handlers = new Map<string, ApprovalHandler>();

export function registerApprovalHandler(docType: string, handler: ApprovalHandler): void {
  handlers.set(docType, handler);
}

export function approvalHandler(docType: string): ApprovalHandler | undefined {
  return handlers.get(docType);
}
