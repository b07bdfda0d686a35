// The rule language of approvals, pure functions only: conditions over a document's facts, and the chain of steps
// the matching rules make. Built-in definitions apply until a tenant stores its own.
import { dec, type ApprovalFacts, type ApprovalRules, type Condition, type FactValue, type StepDefinition } from '@l2c/shared';
import { isApprovalDocType, type ApprovalDocType } from './registry.js';

const MANAGER: StepDefinition = { name: 'Manager', approver: { type: 'manager' } };
const FINANCE: StepDefinition = { name: 'Finance', approver: { type: 'role', role: 'finance' } };
const EXECUTIVE: StepDefinition = { name: 'Executive', approver: { type: 'role', role: 'executive' } };
/** Bad debt's second person: anyone holding receivables:approve (an executive or an admin), never the requester. */
const SECOND_APPROVER: StepDefinition = { name: 'Second approver', approver: { type: 'roles', roles: ['executive', 'admin'] } };

/** The contract rules of the issue: big or deeply discounted → manager then finance; long terms → an executive too. */
const CONTRACT_RULES: ApprovalRules = {
  rules: [
    {
      name: 'Amount over 500,000 or discount over 15%',
      when: { any: [{ fact: 'amount', op: '>', value: '500000' }, { fact: 'maxDiscount', op: '>', value: '0.15' }] },
      steps: [MANAGER, FINANCE],
    },
    { name: 'Payment term over 60 days', when: { fact: 'paymentTermDays', op: '>', value: 60 }, steps: [MANAGER, EXECUTIVE] },
    { name: 'High-risk customer', when: { fact: 'riskLevel', op: '=', value: 'high' }, steps: [MANAGER, FINANCE] },
    { name: 'Over the credit limit', when: { fact: 'overCredit', op: '=', value: true }, steps: [MANAGER, FINANCE] },
  ],
  otherwise: [MANAGER],
};

/**
 * Bad debt 坏账: one decision by a second person with the approve right, as before the engine took it over; from
 * 50,000 of the receivable's currency, that person is an executive (an admin only when the company has none).
 */
const BAD_DEBT_RULES: ApprovalRules = {
  rules: [{ name: 'Write-off of 50,000 or more', when: { fact: 'amount', op: '>=', value: '50000' }, steps: [EXECUTIVE] }],
  otherwise: [SECOND_APPROVER],
};

/**
 * Invoice requests 开票申请: finance checks what goes on the tax platform (buyer, lines, rates); from 1,000,000 with tax
 * an executive signs off too. The submitter is never an approver (a finance requester goes to another finance user).
 */
const INVOICE_REQUEST_RULES: ApprovalRules = {
  rules: [{ name: 'Invoice of 1,000,000 or more', when: { fact: 'amount', op: '>=', value: '1000000' }, steps: [FINANCE, EXECUTIVE] }],
  otherwise: [FINANCE],
};

/**
 * A credit limit raised beyond what finance may apply alone (a raise over 100,000, domains/credit): a second person
 * with the approve right; from a raise of 500,000 an executive.
 */
const CREDIT_LIMIT_RULES: ApprovalRules = {
  rules: [{ name: 'Raise of 500,000 or more', when: { fact: 'raise', op: '>=', value: '500000' }, steps: [EXECUTIVE] }],
  otherwise: [SECOND_APPROVER],
};

/**
 * Quotes 报价单 (issue 11): a line below its margin floor → the manager and finance; a rep's discount over 10 % (the
 * line's and the order's together) → the manager; 1,000,000 or more → the manager and an executive. A quote that
 * matches none is approved at once. Bound to the version's content hash (domains/quotes).
 */
const QUOTE_RULES: ApprovalRules = {
  rules: [
    { name: 'Margin below the floor', when: { fact: 'marginBelowFloor', op: '=', value: true }, steps: [MANAGER, FINANCE] },
    { name: 'Discount over 10%', when: { fact: 'maxDiscount', op: '>', value: '0.1' }, steps: [MANAGER] },
    { name: 'Quote of 1,000,000 or more', when: { fact: 'amount', op: '>=', value: '1000000' }, steps: [MANAGER, EXECUTIVE] },
  ],
  otherwise: [],
};

/** Every approval document type has a definition here; a tenant's stored one replaces it (PUT …/definitions/:docType). */
export const BUILT_IN_DEFINITIONS: Record<ApprovalDocType, { name: string; rules: ApprovalRules }> = {
  contract: { name: 'Contract approval', rules: CONTRACT_RULES },
  contract_amendment: { name: 'Contract amendment approval', rules: CONTRACT_RULES },
  bad_debt: { name: 'Bad-debt write-off approval', rules: BAD_DEBT_RULES },
  invoice_request: { name: 'Invoice request approval', rules: INVOICE_REQUEST_RULES },
  credit_limit: { name: 'Credit limit raise approval', rules: CREDIT_LIMIT_RULES },
  quote: { name: 'Quote approval', rules: QUOTE_RULES },
};
const FALLBACK: { name: string; rules: ApprovalRules } = { name: 'Manager approval', rules: { rules: [], otherwise: [MANAGER] } };

export function builtInDefinition(docType: string) {
  return isApprovalDocType(docType) ? BUILT_IN_DEFINITIONS[docType] : FALLBACK;
}

function isNumeric(v: FactValue): v is string | number {
  return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()));
}

function compare(left: FactValue, op: string, right: FactValue): boolean {
  if (left === null || left === undefined) return op === '=' ? right === null : op === '!=' ? right !== null : false;
  if (isNumeric(left) && isNumeric(right)) {
    const c = dec(String(left)).comparedTo(dec(String(right)));
    switch (op) {
      case '>': return c > 0;
      case '>=': return c >= 0;
      case '<': return c < 0;
      case '<=': return c <= 0;
      case '=': return c === 0;
      case '!=': return c !== 0;
      default: return false;
    }
  }
  if (op === '=') return left === right;
  if (op === '!=') return left !== right;
  return false; // ordering between non-numbers is not defined
}

export function evaluate(cond: Condition, facts: ApprovalFacts): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluate(c, facts));
  if ('any' in cond) return cond.any.some((c) => evaluate(c, facts));
  const left = facts[cond.fact] ?? null;
  if (cond.op === 'in') return Array.isArray(cond.value) && cond.value.some((v) => compare(left, '=', v));
  if (Array.isArray(cond.value)) return false;
  return compare(left, cond.op, cond.value);
}

function approverKey(s: StepDefinition): string {
  const a = s.approver;
  if (a.type === 'roles') return a.roles.length === 1 ? `role:${a.roles[0]}` : `roles:${[...new Set(a.roles)].sort().join(',')}`;
  return a.type === 'role' ? `role:${a.role}` : a.type === 'user' ? `user:${a.userId}` : 'manager';
}

export interface PlannedStep extends StepDefinition { rule: string | null }

/** The chain: steps of every matching rule in order, each approver once; `otherwise` when nothing matched. */
export function planSteps(rules: ApprovalRules, facts: ApprovalFacts): PlannedStep[] {
  const matched = rules.rules.filter((r) => evaluate(r.when, facts));
  const source = matched.length > 0
    ? matched.flatMap((r) => r.steps.map((s) => ({ ...s, rule: r.name })))
    : rules.otherwise.map((s) => ({ ...s, rule: null }));
  const seen = new Set<string>();
  const out: PlannedStep[] = [];
  for (const s of source) {
    const key = approverKey(s);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}
