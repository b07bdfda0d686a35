// key-accounts: the parent/subsidiary tree of customers and the decision map of a key account (each contact's role in
// the decision, influence and attitude, and the relations between contacts). It offers
// - keyAccountsRoutes, and setDecisionRole / addRelation (the demo calls them as a person would).
// It owns decision_roles and contact_relations (tables.ts).
export { keyAccountsRoutes } from './key-accounts.routes.js';
export { setDecisionRole, addRelation } from './key-accounts.service.js';
