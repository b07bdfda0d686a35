// opportunities: sales processes with stages and entry requirements, opportunities with lines, health, kanban, funnel
// and forecast with managers' adjustments. It offers
// - createOpportunityTx (lead conversion creates its opportunity in its own transaction through it);
// - markWonTx / linkContractTx / opportunityTx for flows/opportunity-won (won → a draft order contract);
// - moveOpportunityRefsTx for merges (flows/merge: customers, contacts, leads merged into a master);
// - opportunitiesRoutes, and the services behind them (the demo calls them as a person would).
// It owns sales_processes, sales_stages, opportunities, opportunity_lines, opportunity_stage_history,
// opportunity_tasks and forecast_adjustments (tables.ts).
export { createOpportunityTx, createOpportunity, getOpportunity, updateOpportunity, type NewOpportunity } from './opportunities.service.js';
export { changeStage, loseOpportunity, addTask, completeTask } from './stages.service.js';
export { createProcess } from './processes.service.js';
export { adjustForecast } from './pipeline.service.js';
export { markWonTx, linkContractTx, opportunityTx, quotableOpportunityTx, lockForQuoteTx, winByQuoteTx, type WonOpportunity, type QuotableOpportunity } from './stages.service.js';
export { moveOpportunityRefsTx } from './merge.service.js';
export { ensureDefaultProcessTx } from './processes.service.js';
export { opportunitiesRoutes } from './opportunities.routes.js';
export { opportunityError } from './opportunities.errors.js';
