// Tables the platform owns (docs/ARCHITECTURE.md, "Who owns which table"): written only through platform functions —
// audit.ts, idempotency.ts, sequences.ts, jobs.ts, tenants.ts.
import type { OwnedTables } from './ownership.js';

export const ownedTables: OwnedTables = {
  audit_log: { readers: {} },
  idempotency_keys: {},
  doc_sequences: {},
  job_runs: {},
  tenants: {
    readers: {
      'domains/identity': 'the tenant name and time zone beside a user at login',
      'domains/customers': 'the tenant list of the pool-return job',
      'domains/contracts': 'the tenant settings and time zone of compliance checks and performance alerts',
      'domains/collections': 'the tenant name and time zone on statements and overdue runs',
      'flows/plan-receivables': 'the tenant list and time zones of the nightly booking run',
    },
  },
};
