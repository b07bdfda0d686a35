// Tables dunning owns: policies and their steps, each step's run per receivable, the outbound mail, collection tasks,
// promises to pay 承诺付款 and contact notes.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  dunning_policies: {},
  dunning_steps: {},
  dunning_step_runs: {},
  dunning_mail: {},
  dunning_tasks: {},
  promises_to_pay: {},
  contact_notes: {},
};
