// customers: accounts, contacts, follow-ups, the public pool, Excel import/export. It offers
// - the routes of customers, their Excel import/export and the pool settings;
// - createFollowUpTx (a follow-up inside the caller's transaction: visits' check-out);
// - the merge functions flows/merge calls (master's values, the duplicate marked merged, its contacts/follow-ups moved);
// - canSeeCustomer / createCustomer / listCustomers (with q: the ranked search) / getCustomer; reclaimStaleCustomers
//   (the pool-return job); nameKey; backfillSearchKeys (start-up: pinyin keys of customers written without them).
// It owns customers, contacts, followups and pool_events (tables.ts); the money domains join customers read-only.
export { customersRoutes, isPlainSearchQuery } from './customers.routes.js'; // isPlainSearchQuery: the list bench plans as the route does
export { customersExcelRoutes } from './excel.routes.js';
export { customerSettingsRoutes } from './settings.routes.js';
export { canSeeCustomer, createCustomer, listCustomers, getCustomer } from './customers.service.js';
export { reclaimStaleCustomers, DEFAULT_POOL_SETTINGS, poolSettings, type PoolSettings } from './pool.service.js';
export { createFollowUpTx } from './contacts.service.js';
export { nameKey } from './name-key.js';
export { backfillSearchKeys } from './search.service.js';
export { enumCode, headerKey } from './excel.columns.js'; // leads' import reads the same industry labels and header forms
export { createCustomerTx, loadVisible as loadVisibleCustomerTx, toCustomer } from './customers.service.js'; // flows/lead-conversion
export { createContactTx } from './contacts.service.js'; // flows/lead-conversion
export { customerError } from './customers.errors.js';
export {
  customerForMergeTx, setCustomerMergeValuesTx, mergeCustomerIntoTx, unmergeCustomerTx, contactForMergeTx, setContactMergeValuesTx,
  mergeContactIntoTx, unmergeContactTx, type CustomerMergeValues, type ContactMergeValues, type CustomerMoves,
} from './merge.service.js'; // flows/merge: a duplicate merged into its master, and back
