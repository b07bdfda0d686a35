// Matching candidates against the tenant's customers, contacts and leads. Keys come from @l2c/shared normalise.ts — the
// same functions leads capture and import write their keys with — so a phone typed "+86 138-0013-8000" on a web form
// meets "13800138000" in a sheet. One SQL statement per call (match.sql.ts), whatever the number of candidates;
// company names are scored in process. The tenant's duplicate rules for the object decide what counts and what a match
// does (flag or block).
import { normaliseCompanyName, normaliseEmail, normalisePhone, normalizeCreditCode, type DuplicateField, type DuplicateObject } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import { builtInRule, ruleAccepts, scoreOf, type Rule } from './dedup.rules.js';
import { nameSimilarity } from './similarity.js';
import * as m from './match.sql.js';
import * as r from './rules.sql.js';

export interface MatchCandidate {
  company?: string | null | undefined;
  creditCode?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  contactName?: string | null | undefined;
}

export interface Match {
  kind: DuplicateObject; id: string; name: string; customerId: string | null; customerName: string | null;
  owner: { id: string; name: string } | null; score: number; reasons: DuplicateField[]; action: 'flag' | 'block';
}

export interface CandidateMatches { index: number; action: 'none' | 'flag' | 'block'; matches: Match[] }

export interface MatchOptions {
  /** Whose duplicate rules apply: the kind of record the candidates are about to become (default lead). */
  object?: DuplicateObject;
  /** Only records this user may see are matched (omit: the whole tenant, e.g. an import that must not duplicate a
   *  record someone else owns — then show the caller no more than that a match exists). */
  visibleTo?: m.MatchScope;
  /** Records never reported (the record being checked itself). */
  excludeIds?: string[];
  /** At most this many matches per candidate, best first (default 5). */
  limit?: number;
  /** Rules to apply instead of reading them (a batch caller reads them once). */
  rules?: Rule[];
}

/** The active rules for an object: the tenant's, or the built-in one when it has none for that object. */
export async function activeRulesTx(tx: Tx, object: DuplicateObject): Promise<Rule[]> {
  const rows = (await r.listRules(tx)).filter((x) => x.object === object);
  if (rows.length === 0) return [builtInRule(object)];
  return rows.filter((x) => x.active).map((x) => ({
    id: x.id, object: x.object, name: x.name, fields: x.fields as DuplicateField[], blocking: x.blocking,
    threshold: Number(x.threshold), action: x.action,
  }));
}

/** Phone spellings a stored key may have: the shared normal form, and the customers' older digits-only key. */
function phoneKeys(phone: string | null | undefined): string[] {
  const keys = new Set<string>();
  const n = normalisePhone(phone);
  if (n) keys.add(n);
  if (phone) {
    let digits = phone.replace(/\D/g, '');
    if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
    if (digits.length >= 5) keys.add(digits);
  }
  return [...keys];
}

/**
 * Each candidate's matches among customers, contacts and leads, best first, with the action the rules give them.
 * Set-based: one statement for the whole array (callers send batches of up to a few thousand).
 */
export async function matchCandidatesTx(tx: Tx, candidates: MatchCandidate[], opts: MatchOptions = {}): Promise<CandidateMatches[]> {
  const object = opts.object ?? 'lead';
  const rules = opts.rules ?? await activeRulesTx(tx, object);
  const wanted = new Set(rules.flatMap((x) => x.fields));
  const batch: m.KeyBatch = { company: { i: [], key: [], block: [] }, credit: { i: [], code: [] }, phone: { i: [], phone: [] }, email: { i: [], email: [] } };
  const keys: string[] = [];
  candidates.forEach((c, i) => {
    const key = normaliseCompanyName(c.company);
    keys.push(key);
    if (wanted.has('company_name') && [...key].length >= 2) {
      batch.company.i.push(i); batch.company.key.push(key); batch.company.block.push([...key].slice(0, 2).join(''));
    }
    const code = c.creditCode ? normalizeCreditCode(c.creditCode) : '';
    if (wanted.has('credit_code') && code) { batch.credit.i.push(i); batch.credit.code.push(code); }
    if (wanted.has('phone')) for (const p of phoneKeys(c.phone)) { batch.phone.i.push(i); batch.phone.phone.push(p); }
    const email = normaliseEmail(c.email);
    if (wanted.has('email') && email) { batch.email.i.push(i); batch.email.email.push(email); }
  });
  const out: CandidateMatches[] = candidates.map((_, index) => ({ index, action: 'none', matches: [] }));
  if (rules.length === 0 || candidates.length === 0) return out;
  const hits = await m.matchKeys(tx, batch, opts.visibleTo ?? null, opts.excludeIds ?? []);
  for (const h of hits) {
    const similarity = h.reasons.includes('company_name') && h.key ? nameSimilarity(keys[h.i]!, h.key) : 0;
    const hit = { reasons: h.reasons as DuplicateField[], similarity };
    let accepted: DuplicateField[] = [];
    let action: 'flag' | 'block' = 'flag';
    for (const rule of rules) {
      const reasons = ruleAccepts(rule, hit);
      if (reasons.length === 0) continue;
      accepted = [...new Set([...accepted, ...reasons])];
      if (rule.action === 'block') action = 'block';
    }
    if (accepted.length === 0) continue;
    const c = out[h.i]!;
    c.matches.push({
      kind: h.kind, id: h.id, name: h.name, customerId: h.customer_id, customerName: h.customer_name,
      owner: h.owner_id ? { id: h.owner_id, name: h.owner_name ?? '' } : null, score: scoreOf(accepted, similarity), reasons: accepted.sort(), action,
    });
    if (action === 'block') c.action = 'block';
    else if (c.action === 'none') c.action = 'flag';
  }
  const limit = opts.limit ?? 5;
  for (const c of out) c.matches = c.matches.sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id)).slice(0, limit);
  return out;
}
