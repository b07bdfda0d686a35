// Tables credit owns: the customer's credit profile (limit, payment term, risk level, credit hold) and its credit
// assessments 资信评估.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  credit_profiles: { readers: { 'domains/dunning': 'risk level and credit hold of customers on the worklist and in policy choice' } },
  credit_assessments: {},
};
