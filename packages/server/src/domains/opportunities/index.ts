// opportunities: sales processes with stages and entry requirements, opportunities with lines, health, kanban, funnel
// and forecast with managers' adjustments. It offers
// - createOpportunityTx (lead conversion creates its opportunity in its own transaction through it);
// - getOpportunityRefTx (the customer, amount, currency and contract of one, for flows);
// - the routes (opportunitiesRoutes, given the WinToContract app.ts takes from flows/opportunity-won).
// It owns sales_processes, sales_stages, opportunities, opportunity_lines, opportunity_stage_history,
// opportunity_tasks and forecast_adjustments (tables.ts).
export { createOpportunityTx, type NewOpportunity } from './opportunities.service.js';
export { ensureDefaultProcessTx } from './processes.service.js';
export { opportunityError } from './opportunities.errors.js';
