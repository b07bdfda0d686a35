// The rule language of approvals, pure functions only: conditions over a document's facts, and the chain of steps
// the matching rules make. Built-in definitions apply until a tenant stores its own.
import { dec, type ApprovalFacts, type ApprovalRules, type Condition, type FactValue, type StepDefinition } from '@l2c/shared';

const MANAGER: StepDefinition = { name: 'Manager', approver: { type: 'manager' } };
const FINANCE: StepDefinition = { name: 'Finance', approver: { type: 'role', role: 'finance' } };
const EXECUTIVE: StepDefinition = { name: 'Executive', approver: { type: 'role', role: 'executive' } };

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

export const BUILT_IN_DEFINITIONS: Record<string, { name: string; rules: ApprovalRules }> = {
  contract: { name: 'Contract approval', rules: CONTRACT_RULES },
  contract_amendment: { name: 'Contract amendment approval', rules: CONTRACT_RULES },
};
const FALLBACK: { name: string; rules: ApprovalRules } = { name: 'Manager approval', rules: { rules: [], otherwise: [MANAGER] } };

export function builtInDefinition(docType: string) {
  return BUILT_IN_DEFINITIONS[docType] ?? FALLBACK;
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
