// Duplicate rules as the matcher applies them: per object (the kind of record being written or checked), the fields
// that make two records the same, how company names block and how similar they must be, and what a match does.
// A tenant without rules for an object gets the built-in one: every field, names blocked by prefix at 0.80, flag.
import type { DuplicateField, DuplicateObject } from '@l2c/shared';

export interface Rule {
  id: string | null;
  object: DuplicateObject;
  name: string;
  fields: DuplicateField[];
  blocking: 'prefix' | 'exact';
  threshold: number;
  action: 'flag' | 'block';
}

export const BUILT_IN_THRESHOLD = 0.8;

export function builtInRule(object: DuplicateObject): Rule {
  return { id: null, object, name: 'built-in', fields: ['company_name', 'phone', 'email', 'credit_code'], blocking: 'prefix', threshold: BUILT_IN_THRESHOLD, action: 'flag' };
}

/** Points a reason is worth in a match's score (0–100); a company name is worth its similarity. */
export const REASON_SCORE: Record<Exclude<DuplicateField, 'company_name'>, number> = { credit_code: 100, email: 95, phone: 90 };

export interface Hit { reasons: DuplicateField[]; similarity: number }

/**
 * Does a rule accept this hit? A reason counts when the rule lists its field; a company name also has to meet the
 * rule's threshold (or be the same key, for exact blocking).
 */
export function ruleAccepts(rule: Rule, hit: Hit): DuplicateField[] {
  return hit.reasons.filter((r) => rule.fields.includes(r)
    && (r !== 'company_name' || (rule.blocking === 'exact' ? hit.similarity === 1 : hit.similarity >= rule.threshold)));
}

/** The score of a match from its accepted reasons: the strongest, plus 5 for each further one, at most 100. */
export function scoreOf(reasons: DuplicateField[], similarity: number): number {
  const each = reasons.map((r) => (r === 'company_name' ? Math.round(similarity * 100) : REASON_SCORE[r]));
  if (each.length === 0) return 0;
  return Math.min(100, Math.max(...each) + 5 * (each.length - 1));
}
