// key-accounts: the parent/subsidiary tree of customers and the decision map of a key account (each contact's role in
// the decision, influence and attitude, and the relations between contacts). It offers
// - keyAccountsRoutes.
// It owns decision_roles and contact_relations (tables.ts).
export { keyAccountsRoutes } from './key-accounts.routes.js';
