// Tables identity owns. users and teams are joined read-only across the server for display names and data scope.
import type { OwnedTables } from '../../platform/ownership.js';

const names = 'display names (and the data-scope owner columns) joined into its lists';
export const ownedTables: OwnedTables = {
  users: {
    readers: {
      'domains/workspace': 'owner names of overdue-by-rep on the manager\'s home page; actors and user references of the customer timeline and the audit query',
      platform: 'the authenticate statement (one per request, docs/benchmarks.md) and audit-trail names',
      'domains/approvals': 'approvers and the team managers a step resolves to', 'domains/customers': names, 'domains/contracts': names,
      'domains/receivables': names, 'domains/payments': names, 'domains/collections': 'owners, managers and finance users on reports and overdue notices',
      'domains/notifications': 'recipients and their locale', 'domains/quotes': names, 'flows/write-off': names,
      'domains/dunning': 'the owner, manager and finance users a dunning step goes to, collector names',
      'domains/bank-statements': 'who decided a statement or matched a line, on statement and line lists',
      'domains/invoices': 'requester, decider and confirmer names on invoice requests and red-letter confirmations',
      'domains/opportunities': 'owner names, active owners to assign, the team of each rep for the team forecast',
      'domains/visits': 'the visiting rep\'s name and the owner its data scope follows',
      'domains/key-accounts': 'owner names on the key-account tree',
      'domains/dedup': 'owner names beside duplicate matches and who merged or undid a merge', 'domains/scoring': 'who overrode a lead\'s grade',
      'domains/campaigns': 'campaign owners (the data scope follows them) and who recorded a cost',
      'domains/leads': 'lead owners (the data scope follows them), assignment-rule members, who moved a lead\'s status',
      'domains/catalog': 'the names of the product managers (catalog_managers)',
    },
  },
  teams: { readers: { 'domains/opportunities': 'team names and sub-teams of the team forecast', 'domains/workspace': 'team names an audit entry or a timeline event names', 'domains/approvals': 'the manager chain of an approval step', 'domains/collections': 'the manager chain of overdue notices and team reports', 'domains/dunning': 'the manager chain a dunning step or a broken promise escalates to' } },
  password_links: {},
  auth_tokens: { readers: { platform: 'the authenticate statement looks the token up; the touch of last_used_at is identity\'s touchToken' } },
  // counted up by the triggers on auth_tokens, users and tenants (migration 039), never by the code
  auth_epochs: { readers: { platform: 'the authentication\'s cache check (auth-cache.ts): a remembered token row holds while its tenant\'s epoch is unchanged' } },
};
