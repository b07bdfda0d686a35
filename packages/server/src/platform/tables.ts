// Tables the platform owns (docs/ARCHITECTURE.md, "Who owns which table"): written only through platform functions —
// audit.ts, idempotency.ts, sequences.ts and numbering.ts, jobs.ts, tenants.ts, outbox.ts.
import type { OwnedTables } from './ownership.js';

export const ownedTables: OwnedTables = {
  audit_log: { readers: { 'domains/workspace': 'the audit entries of a customer and its records on the customer timeline (read-only, in the customer\'s scope)' } },
  idempotency_keys: {},
  doc_sequences: {},
  doc_number_formats: {},
  outbox_events: {},
  job_runs: {},
  tenants: {
    readers: {
      'domains/identity': 'the tenant name and time zone beside a user at login',
      'domains/customers': 'the pool rules in tenants.settings (changed through setTenantSettings)',
      'domains/contracts': 'the tenant settings and time zone of compliance checks and performance alerts',
      'domains/collections': 'the tenant name and time zone on statements and overdue runs',
      'domains/credit': 'the default credit limit per customer grade in tenants.settings.credit (changed through setTenantSettings)',
      'domains/webhooks': 'the tenant\'s slug in the body of each webhook event',
    },
  },
};
