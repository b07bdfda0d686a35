// Documents say what happens to them when their approval ends. The engine calls the handler inside the transaction
// of the deciding action, so the decision and its effect on the document commit together — or, when the handler
// refuses (e.g. over the credit limit, or the receivable was paid meanwhile), neither does. Approvals import no
// document domain: the composition root (app.ts) hands every handler over once, at start-up, in one typed record.
import type { ApprovalFacts } from '@l2c/shared';
import type { Actor, Tx } from '../../platform/db.js';

/** The document types that go through approval: a closed list, so a handler cannot be forgotten or misspelled. */
export const APPROVAL_DOC_TYPES = ['contract', 'contract_amendment', 'bad_debt', 'invoice_request', 'credit_limit', 'quote'] as const;
export type ApprovalDocType = (typeof APPROVAL_DOC_TYPES)[number];

/** withdrawn: the submitter took the request back before its decision (the document returns to draft). */
export type ApprovalOutcome = 'approved' | 'rejected' | 'returned' | 'withdrawn';

export interface ApprovalDecision {
  requestId: string;
  docType: ApprovalDocType;
  docId: string;
  outcome: ApprovalOutcome;
  comment: string | null;
  facts: ApprovalFacts;
}

export interface ApprovalHandler {
  onDecided(tx: Tx, actor: Actor, decision: ApprovalDecision): Promise<void>;
}

/** One handler per document type; the type makes a missing or an unknown key a compile error. */
export type ApprovalHandlers = { readonly [K in ApprovalDocType]: ApprovalHandler };

let handlers: Partial<Record<ApprovalDocType, ApprovalHandler>> = {};

/**
 * Install the handlers of every document type (app.ts, before anything can decide). The check at run time is for
 * callers the compiler did not see (a cast, plain JavaScript): the server refuses to start rather than answer 500 at
 * the first decision.
 */
export function registerApprovalHandlers(all: ApprovalHandlers): void {
  const missing = APPROVAL_DOC_TYPES.filter((t) => typeof all[t]?.onDecided !== 'function');
  const unknown = Object.keys(all).filter((k) => !(APPROVAL_DOC_TYPES as readonly string[]).includes(k));
  if (missing.length || unknown.length) {
    throw new Error(`approval handlers: ${[missing.length ? `missing ${missing.join(', ')}` : '', unknown.length ? `unknown ${unknown.join(', ')}` : ''].filter(Boolean).join('; ')}`);
  }
  handlers = { ...all };
}

export function isApprovalDocType(docType: string): docType is ApprovalDocType {
  return (APPROVAL_DOC_TYPES as readonly string[]).includes(docType);
}

export function approvalHandler(docType: string): ApprovalHandler | undefined {
  return isApprovalDocType(docType) ? handlers[docType] : undefined;
}
