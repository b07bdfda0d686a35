// Roles, permissions and data scope. The server enforces these; the web app only uses them to hide buttons.
export const ROLES = ['admin', 'sales_manager', 'sales_rep', 'finance', 'marketer', 'executive'] as const;
export type Role = (typeof ROLES)[number];

export const RESOURCES = [
  'customers', 'contacts', 'followups', 'pool', 'users', 'teams', 'audit', 'tokens', 'settings',
  'receivables', 'payments', 'write_offs', 'accounts', 'credit', 'notifications',
  'contracts', 'approvals', 'invoices', 'dunning',
  'catalog', // issue 11: products, SKUs, bundles; everyone reads, admins and product managers (catalog_managers) write
  'opportunities', 'forecasts', 'visits', // issue 10: opportunities and their processes, forecast (update: a manager's adjustment), visits 拜访
  'dedup', 'scoring', // issue 10: duplicate rules and merges; lead scoring, its rules and model, customers' RFM
  'pricing', 'quotes',
  'campaigns',
  'leads', 'lead_forms', // issue 10: leads (capture, lifecycle, pool, assignment rules: assign), web-to-lead forms
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = ['read', 'create', 'update', 'delete', 'import', 'export', 'assign', 'claim', 'release', 'confirm', 'reverse', 'approve'] as const;
export type Action = (typeof ACTIONS)[number];

/** own: records the user owns; team: owned by anyone in the user's team and its sub-teams; all: the whole tenant. */
export type DataScope = 'own' | 'team' | 'all';

export const ROLE_SCOPE: Record<Role, DataScope> = {
  admin: 'all',
  executive: 'all',
  finance: 'all',
  sales_manager: 'team',
  sales_rep: 'own',
  marketer: 'own',
};

const CRM_WORK: Action[] = ['read', 'create', 'update', 'import', 'export', 'claim', 'release'];

export const PERMISSIONS: Record<Role, Partial<Record<Resource, readonly Action[]>>> = {
  admin: {
    catalog: ['read', 'create', 'update', 'delete', 'import', 'export'],
    leads: ['read', 'create', 'update', 'import', 'export', 'assign', 'claim', 'release'], lead_forms: ['read', 'create', 'update'],
    opportunities: ['read', 'create', 'update', 'delete', 'export'], forecasts: ['read', 'update'], visits: ['read', 'create', 'update'],
    dedup: ['read', 'create', 'update', 'delete'], scoring: ['read', 'create', 'update'], // create: rules and training
    pricing: ['read', 'create', 'update', 'delete'], quotes: ['read', 'create', 'update'],
    campaigns: ['read', 'create', 'update'],
    invoices: ['read', 'create', 'update', 'import', 'export'],
    contracts: ['read', 'create', 'update', 'delete', 'export'], approvals: ['read', 'approve', 'update'],
    receivables: ['read', 'create', 'export', 'approve'], payments: ['read', 'create', 'confirm'], write_offs: ['read', 'create', 'reverse'],
    accounts: ['read', 'update'], credit: ['read', 'update'], notifications: ['read'], dunning: ['read', 'create', 'update'],
    customers: [...CRM_WORK, 'delete', 'assign'], contacts: ['read', 'create', 'update', 'delete'],
    followups: ['read', 'create'], pool: ['read', 'claim', 'release', 'assign'],
    users: ['read', 'create', 'update'], teams: ['read', 'create', 'update'], audit: ['read'],
    tokens: ['read', 'create', 'delete'], settings: ['read', 'update', 'export'], // export: all of the tenant's data
  },
  sales_manager: {
    catalog: ['read', 'export'],
    leads: ['read', 'create', 'update', 'assign', 'claim', 'release'],
    opportunities: ['read', 'create', 'update', 'export'], forecasts: ['read', 'update'], visits: ['read', 'create', 'update'],
    dedup: ['read', 'update'], scoring: ['read', 'update'],
    quotes: ['read', 'create', 'update'],
    campaigns: ['read'],
    invoices: ['read', 'create'],
    contracts: ['read', 'create', 'update', 'export'], approvals: ['read', 'approve'],
    receivables: ['read', 'export'], payments: ['read', 'create'], write_offs: ['read'], accounts: ['read'], credit: ['read'], notifications: ['read'],
    dunning: ['read', 'create'], customers: [...CRM_WORK, 'assign'], contacts: ['read', 'create', 'update', 'delete'],
    followups: ['read', 'create'], pool: ['read', 'claim', 'release', 'assign'],
    users: ['read'], teams: ['read'], audit: ['read'], tokens: ['read', 'create', 'delete'],
  },
  sales_rep: {
    catalog: ['read'],
    leads: ['read', 'create', 'update', 'claim', 'release'],
    opportunities: ['read', 'create', 'update'], forecasts: ['read'], visits: ['read', 'create', 'update'],
    dedup: ['read', 'update'], scoring: ['read', 'update'],
    quotes: ['read', 'create', 'update'],
    campaigns: ['read'],
    invoices: ['read', 'create'],
    contracts: ['read', 'create', 'update'], approvals: ['read'],
    receivables: ['read'], payments: ['read', 'create'], write_offs: ['read'], accounts: ['read'], credit: ['read'], notifications: ['read'],
    dunning: ['read', 'create'], customers: CRM_WORK, contacts: ['read', 'create', 'update'], followups: ['read', 'create'],
    pool: ['read', 'claim', 'release'], users: ['read'], teams: ['read'], tokens: ['read', 'create', 'delete'],
  },
  finance: {
    catalog: ['read', 'export'], // sees cost, for margins
    opportunities: ['read'], forecasts: ['read'],
    dedup: ['read'], scoring: ['read'],
    pricing: ['read', 'create', 'update', 'delete'], quotes: ['read'], // finance keeps price books, budgets and rebate terms
    campaigns: ['read'],
    invoices: ['read', 'create', 'update', 'import', 'export'],
    contracts: ['read', 'export'], approvals: ['read', 'approve'],
    receivables: ['read', 'create', 'export'], payments: ['read', 'create', 'confirm'], write_offs: ['read', 'create', 'reverse'],
    accounts: ['read', 'update'], credit: ['read', 'update'], notifications: ['read'], dunning: ['read', 'create', 'update'],
    customers: ['read', 'update', 'export'], contacts: ['read'], followups: ['read'],
    users: ['read'], teams: ['read'], audit: ['read'], tokens: ['read', 'create', 'delete'],
  },
  marketer: {
    catalog: ['read'], // what is sellable, for campaigns
    leads: ['read', 'create', 'update', 'import', 'export', 'assign', 'release'], lead_forms: ['read', 'create', 'update'],
    opportunities: ['read'],
    dedup: ['read', 'update'], scoring: ['read', 'create', 'update'],
    campaigns: ['read', 'create', 'update'], // marketing runs campaigns; everyone else reads them in their data scope
    notifications: ['read'],
    customers: ['read', 'create', 'import', 'export'], contacts: ['read', 'create'], followups: ['read', 'create'],
    pool: ['read'], users: ['read'], teams: ['read'], tokens: ['read', 'create', 'delete'],
  },
  executive: {
    catalog: ['read', 'export'], // sees cost
    leads: ['read'],
    opportunities: ['read', 'export'], forecasts: ['read'], visits: ['read'],
    dedup: ['read'], scoring: ['read'],
    pricing: ['read'], quotes: ['read'], // executives read the price books and budgets
    campaigns: ['read'],
    invoices: ['read', 'export'],
    contracts: ['read', 'export'], approvals: ['read', 'approve'],
    receivables: ['read', 'export', 'approve'], payments: ['read'], write_offs: ['read'], accounts: ['read'], credit: ['read'], notifications: ['read'],
    dunning: ['read'], customers: ['read', 'export'], contacts: ['read'], followups: ['read'], pool: ['read'],
    users: ['read'], teams: ['read'], audit: ['read'], tokens: ['read', 'create', 'delete'],
  },
};

export function can(role: Role, resource: Resource, action: Action): boolean {
  return PERMISSIONS[role][resource]?.includes(action) ?? false;
}
