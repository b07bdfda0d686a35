// flows/merge: a duplicate customer, contact or lead merged into its master in one transaction — the field-by-field
// choice applied through the master's owner, every related record moved by its owner's function (customers,
// opportunities, visits, campaigns, leads, scoring), the facts kept by domains/dedup for an undo; money facts are never
// moved (the merge is refused). It offers mergeRoutes (preview, merge, history, undo). It owns no tables.
export { mergeRoutes } from './merge.routes.js';
