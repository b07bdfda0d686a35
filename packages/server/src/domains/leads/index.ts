// leads 线索: capture on every path (public web forms, the API, manual entry, campaign check-ins, imports of 100k rows),
// normalised phone / email / company keys, dedup flags (through domains/dedup's matcher, registered by app.ts),
// the lifecycle raw → mql → sql → converted / invalid, assignment rules, and the lead pool. It offers
// - leadsRoutes, leadFormsRoutes (with the public submission endpoint), leadImportsRoutes;
// - captureLeadTx / getLeadTx, for campaigns' check-ins and other capture paths;
// - loadLeadForConversionTx / markLeadConvertedTx, for flows/lead-conversion;
// - updateLeadFieldsTx / markLeadMergedTx / unmarkLeadMergedTx / moveLeadRefsTx, for dedup's merge (flows/merge);
// - registerLeadHooks (app.ts: dedup's matchCandidatesTx, scoring's after-capture), recycleStaleLeads (the daily job);
// - canSeeLead, for the audit trail.
// It owns leads, lead_status_history, lead_pool_events, lead_forms, lead_imports, lead_import_failures,
// lead_assignment_rules, lead_assignment_members and lead_settings (tables.ts).
export { leadsRoutes } from './leads.routes.js';
export { leadFormsRoutes } from './forms.routes.js';
export {
  captureLeadTx, getLeadTx, loadLeadForConversionTx, markLeadConvertedTx, updateLeadFieldsTx, markLeadMergedTx, unmarkLeadMergedTx,
  canSeeLead, leadScope, type CaptureInput, type Captured,
} from './leads.service.js';
export { recycleStaleLeads } from './pool.service.js';
export { registerLeadHooks, type MatchCandidates, type AfterCapture } from './dedup-port.js';
export { leadError } from './leads.errors.js';
export { moveLeadRefsTx, type LeadRefMoves } from './merge-refs.js';
export { loadVisible as loadVisibleLeadTx } from './leads.service.js'; // flows/merge: the master and duplicate in the caller's scope, locked
export { leadImportsRoutes } from './import.routes.js';
export { startImport, getImport } from './import.service.js';
export { changeStatus as changeLeadStatus, getLeadDetail, createLead } from './leads.service.js'; // the demo works leads as people do
export { saveRule as saveAssignmentRule } from './rules.service.js';
export { createForm as createLeadForm } from './forms.service.js';
