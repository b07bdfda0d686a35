// The seam to duplicate detection (domains/dedup, helper C's matchCandidatesTx) and to scoring, filled by the
// composition root (app.ts) at start-up. Leads do not import dedup: dedup reads leads (and will call leads' merge
// functions), so the dependency points one way only; until something registers, capture finds no duplicates.
import type { Actor, Tx } from '../../platform/db.js';

export interface MatchCandidate { company?: string | null; creditCode?: string | null; phone?: string | null; email?: string | null; contactName?: string | null }
export interface MatchHit { kind: 'lead' | 'contact' | 'customer'; id: string; name: string; customerId: string | null; score: number; reasons: string[] }
export interface MatchResult { index: number; action: 'none' | 'flag' | 'block'; matches: MatchHit[] }
export type MatchCandidates = (tx: Tx, candidates: MatchCandidate[], opts?: { object?: 'lead' | 'contact' | 'customer'; visibleTo?: { userId: string; scope: 'own' | 'team' | 'all' }; excludeIds?: string[] }) => Promise<MatchResult[]>;
/** Called after a lead is captured, in its transaction, as the capturing actor (scoring: behaviour points for the
 * capture, a first score; campaigns: a campaign's web form makes the visitor a registered member). */
export type AfterCapture = (tx: Tx, lead: { id: string; source: string; campaignId: string | null }, actor: Actor) => Promise<void>;

const none: MatchCandidates = async (_tx, candidates) => candidates.map((_c, index) => ({ index, action: 'none' as const, matches: [] }));
let matcher: MatchCandidates = none;
let afterCapture: AfterCapture | null = null;

export function registerLeadHooks(hooks: { matchCandidates?: MatchCandidates; afterCapture?: AfterCapture }): void {
  if (hooks.matchCandidates) matcher = hooks.matchCandidates;
  if (hooks.afterCapture) afterCapture = hooks.afterCapture;
}

export function matchCandidates(): MatchCandidates { return matcher; }
export function captureHook(): AfterCapture | null { return afterCapture; }
/** How many candidates one matchCandidatesTx call takes (its contract: at most 1000). */
export const MATCH_BATCH = 1000;
