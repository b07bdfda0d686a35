// key-accounts: the parent/subsidiary tree of customers and the decision map of a key account (each contact's role in
// the decision, influence and attitude, and the relations between contacts). It offers
// - keyAccountsRoutes, and setDecisionRole / addRelation (the demo calls them as a person would);
// - moveDecisionMapRefsTx, for merges (flows/merge): roles and relations follow a merged customer or contact.
// It owns decision_roles and contact_relations (tables.ts).
export { keyAccountsRoutes } from './key-accounts.routes.js';
export { setDecisionRole, addRelation } from './key-accounts.service.js';
export { moveDecisionMapRefsTx, type DecisionMapMoved } from './merge.service.js';
