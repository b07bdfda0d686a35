// Tables key-accounts owns: the decision map of a customer's contacts (role, influence, attitude) and their relations.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  decision_roles: { readers: { 'domains/opportunities': 'the decision makers\' attitude and strong opponents behind an opportunity\'s decision-chain health' } },
  contact_relations: {},
};
