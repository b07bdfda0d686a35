// scoring: lead scores and customers' RFM (issue 10). It offers
// - recordBehaviourTx (an event a lead or contact did, worth the rules' points, decaying by half-life) and scoreLeadTx /
//   scoreLeadsTx (behaviour + attribute fit + the model's probability → score 0–100 and grade A–D; an override stays);
//   afterLeadCaptureTx for leads' capture hook;
// - the conversion model: naive Bayes over lead field values learned from the tenant's closed leads, explained factor
//   by factor (trainNaiveBayes, predict, auc), retrained nightly by scoringJob, which also recomputes RFM;
// - computeRfmTx and scoringRoutes; moveLeadScoresTx / moveContactScoresTx for merges.
// It owns scoring_settings, scoring_rules, score_events, score_models, lead_scores, customer_rfm (tables.ts) and reads
// leads, customers, payments, write_offs, allocations and receivables read-only.
export { recordBehaviourTx, scoreLeadTx, scoreLeadsTx, afterLeadCaptureTx } from './scoring.service.js';
export { trainNaiveBayes, predict, auc, trainWithHoldout, type NaiveBayesModel, type Sample } from './model.js';
export { scoringJob, runScoringJob, trainTx } from './training.service.js';
export { computeRfmTx } from './rfm.service.js';
export { putScoringConfig } from './config.service.js';
export { configTx } from './config.js'; // the demo sets the marketer's rules as the admin screen would
export { scoringRoutes } from './scoring.routes.js';
export { scoringError } from './scoring.errors.js';
export { moveScoreEventsTx, countScoreEventsTx, dropCustomerRfmTx } from './merge.service.js';
