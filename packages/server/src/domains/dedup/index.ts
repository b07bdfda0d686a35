// dedup: duplicate rules and matching across leads, contacts and customers (issue 10). It offers
// - matchCandidatesTx: a batch of candidates (company, credit code, phone, e-mail) → each one's matches, one statement
//   per batch over indexed blocking keys, company names scored by similarity in process; used by leads' capture/import;
// - dedupRoutes: duplicate rules (admin) and duplicate checks in the caller's data scope;
// - the merge facts flows/merge keeps (recordMergeTx, mergeJobTx, markMergeUndoneTx, listMergesTx) and nameSimilarity.
// It owns duplicate_rules and merge_jobs (tables.ts) and reads customers, contacts and leads read-only.
export { matchCandidatesTx, activeRulesTx, type MatchCandidate, type Match, type CandidateMatches, type MatchOptions } from './match.service.js';
export { dedupRoutes } from './dedup.routes.js';
export { createDuplicateRule } from './dedup.service.js';
export { dedupError } from './dedup.errors.js';
export { nameSimilarity } from './similarity.js';
export { recordMergeTx, mergeJobTx, markMergeUndoneTx, listMergesTx, latestMergeOfTx, type MergeFacts, type MergeJobRow } from './merges.service.js';
