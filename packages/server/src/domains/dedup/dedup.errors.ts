import { defineErrors } from '../../platform/errors.js';

export const dedupError = defineErrors('dedup', {
  rule_not_found: [404, 'Duplicate rule not found'],
  record_not_found: [404, 'Record not found'],
  merge_not_found: [404, 'Merge not found'],
  same_record: [400, 'A record cannot be merged into itself'],
  already_merged: [409, 'This record was already merged into another; undo that merge first'],
  money_facts: [409, 'The duplicate customer has money facts (contracts, receivables, payments, invoices, ledger entries or bank lines): money facts are never moved, so this merge is refused — merge the other way round, or keep both'],
  not_movable: [409, 'The duplicate has related records merge cannot move yet (the problem names the tables): they would be left pointing at it, so the merge is refused'],
  different_customers: [409, 'Contacts of different customers are not merged: merge their customers first'],
  already_undone: [409, 'This merge was already undone'],
  changed_since: [409, 'The master or a moved record changed after the merge in a way an undo would overwrite; undo it by hand'],
  not_latest: [409, 'A later merge involves these records; undo that one first'],
});
