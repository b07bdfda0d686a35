// English messages; the type keeps the keys in step with zh-CN.ts.
import cashEn from './cash.en';
import contractsEn from './contracts.en';
import type { Messages } from './zh-CN';

const en: Messages = {
  app: { name: 'L2C', tagline: 'Leads to Cash' },
  common: {
    save: 'Save', cancel: 'Cancel', ok: 'OK', create: 'New', edit: 'Edit', delete: 'Delete', search: 'Search',
    reset: 'Reset', loadMore: 'Load more', noMore: 'No more records', actions: 'Actions', yes: 'Yes', no: 'No',
    loading: 'Loading…', back: 'Back', reload: 'Reload', none: '—', refresh: 'Refresh', submit: 'Submit',
    confirmDelete: 'Delete this record?', saved: 'Saved', deleted: 'Deleted', loadedCount: '{{count}} loaded',
    required: '{{field}} is required', selectPlaceholder: 'Select', close: 'Close', view: 'View', filters: 'Filters',
  },
  nav: {
    home: 'Home', crm: 'CRM', customers: 'Customers', pool: 'Public pool', system: 'System', audit: 'Audit log',
    tokens: 'API tokens', menu: 'Menu', cash: 'Contract to cash', contracts: 'Contracts', approvals: 'Approvals',
    receivables: 'Receivables', payments: 'Payments', writeOff: 'Write-off', aging: 'Aging',
  },
  header: { switchLang: '中文', switchLangTitle: 'Switch language', logout: 'Log out', loggedOut: 'Logged out' },
  roles: {
    admin: 'Admin', sales_manager: 'Sales manager', sales_rep: 'Sales rep', finance: 'Finance', marketer: 'Marketer',
    executive: 'Executive',
  },
  scope: { own: 'Own records', team: 'Team records', all: 'All records' },
  login: {
    title: 'Log in to L2C', subtitle: 'The Leads-to-Cash CRM', email: 'Email', password: 'Password', submit: 'Log in',
    emailRequired: 'Enter your email', emailInvalid: 'Not a valid email address', passwordRequired: 'Enter your password',
    failed: 'Wrong email or password', welcome: 'Logged in',
  },
  home: {
    welcome: 'Welcome back, {{name}}', subtitle: '{{tenant}} · {{role}} · {{scope}}', myCustomers: 'Visible customers',
    poolCustomers: 'Customers in the pool', quickLinks: 'Quick links', newCustomer: 'New customer',
    goPool: 'Claim customers from the pool', goCustomers: 'Customer list', more: '{{count}}+',
  },
  customer: {
    fields: {
      number: 'Number', name: 'Name', creditCode: 'Unified social credit code', industry: 'Industry', region: 'Region',
      grade: 'Grade', source: 'Source', phone: 'Phone', address: 'Address', website: 'Website', parent: 'Parent company',
      remark: 'Remark', owner: 'Owner', inPool: 'In pool', poolEnteredAt: 'Entered pool',
      lastFollowUpAt: 'Last follow-up', createdAt: 'Created', updatedAt: 'Updated', version: 'Version',
    },
    list: {
      title: 'Customers', new: 'New customer', searchPlaceholder: 'Search name, pinyin or initials, number, credit code, phone',
      export: 'Export', import: 'Import', regionPlaceholder: 'Region', noOwner: 'No owner',
    },
    form: {
      createTitle: 'New customer', editTitle: 'Edit customer', namePlaceholder: 'Full company name',
      creditCodePlaceholder: '18-character unified social credit code',
      creditCodeInvalid: 'Not a valid unified social credit code (18 characters, check character must match)',
      nameMin: 'Name must have at least 2 characters', phoneInvalid: 'Not a phone number',
      websiteInvalid: 'Not a valid web address', parentPlaceholder: 'Search parent company', created: 'Customer created',
      updated: 'Customer updated', noChanges: 'Nothing changed', fixErrors: 'Please check the highlighted fields',
    },
    dup: {
      title: 'Possible duplicates found',
      intro: 'These customers look like the one you entered. Please check that it is not the same company:',
      createAnyway: 'Create anyway', blockedTitle: 'Credit code already in use',
      blockedIntro: 'A customer with this unified social credit code already exists, so it cannot be created again:',
      reason: { credit_code: 'Same credit code', similar_name: 'Similar name', phone: 'Same phone' },
    },
    detail: {
      overview: 'Overview', contacts: 'Contacts', followups: 'Follow-ups', audit: 'History', inPool: 'In pool',
      release: 'Release to pool', claim: 'Claim', assign: 'Assign',
      notFound: 'This customer does not exist or you may not see it',
    },
    versionConflict: 'Someone else changed this customer. Reload it and try again.', reloadLatest: 'Load latest',
  },
  enums: {
    industry: {
      manufacturing: 'Manufacturing', it: 'Information technology', finance: 'Finance', retail: 'Retail',
      healthcare: 'Healthcare', education: 'Education', energy: 'Energy', construction: 'Construction',
      logistics: 'Logistics', government: 'Government & public sector', other: 'Other',
    },
    source: {
      manual: 'Manual entry', import: 'Import', website: 'Website', campaign: 'Campaign', referral: 'Referral',
      exhibition: 'Exhibition', partner: 'Partner', other: 'Other',
    },
    grade: { A: 'A (key account)', B: 'B', C: 'C', D: 'D' },
    decisionRole: {
      decision_maker: 'Decision maker', influencer: 'Influencer', evaluator: 'Evaluator', user: 'User',
      gatekeeper: 'Gatekeeper', champion: 'Champion', other: 'Other',
    },
    followUpKind: { call: 'Call', visit: 'Visit', email: 'Email', wechat: 'WeChat', meeting: 'Meeting', other: 'Other' },
    ...cashEn.cashEnums,
  },
  contact: {
    fields: {
      name: 'Name', title: 'Title', mobile: 'Mobile', phone: 'Phone', email: 'Email', decisionRole: 'Decision role',
      isPrimary: 'Primary contact', remark: 'Remark',
    },
    add: 'Add contact', addTitle: 'Add contact', editTitle: 'Edit contact', primary: 'Primary', empty: 'No contacts yet',
    emailInvalid: 'Not a valid email address',
  },
  followup: {
    add: 'Log follow-up', kind: 'Kind', content: 'Notes', contact: 'Contact', nextStep: 'Next step',
    nextDate: 'Next follow-up date', empty: 'No follow-ups yet', created: 'Follow-up logged', next: 'Next: {{step}}',
    nextOn: ' ({{date}})', by: 'by {{name}}', contentPlaceholder: 'What was discussed? What does the customer need?',
  },
  audit: {
    title: 'Audit log', time: 'Time', actor: 'Actor', action: 'Action', entity: 'Record', changes: 'Changes',
    entityType: 'Record type', actorFilter: 'Actor', range: 'Time range', empty: 'No entries', system: 'System',
    noChanges: 'No field changes', noAccess: 'You may not read the audit log',
    entityTypes: {
      customer: 'Customer', contact: 'Contact', followup: 'Follow-up', user: 'User', team: 'Team', api_token: 'API token',
      session: 'Session', contract: 'Contract', receivable: 'Receivable', payment: 'Payment', write_off: 'Write-off',
      approval: 'Approval', credit_profile: 'Credit profile', bad_debt_request: 'Bad-debt request',
    },
    actions: {
      create: 'Created', update: 'Updated', delete: 'Deleted', claim: 'Claimed', release: 'Released to pool',
      assign: 'Assigned', import: 'Imported', export: 'Exported', login: 'Logged in', logout: 'Logged out',
      revoke: 'Revoked', reclaim: 'Returned to pool automatically', submit: 'Submitted for approval', approve: 'Approved',
      reject: 'Rejected', return: 'Returned', sign: 'Signed', status: 'Status changed', terminate: 'Terminated',
      deliver: 'Delivered / accepted', amend_submit: 'Amendment submitted', amend: 'Amendment in force', amend_refused: 'Amendment refused',
      request_bad_debt: 'Bad debt requested', confirm: 'Confirmed', cancel: 'Cancelled', approval_submit: 'Approval requested',
      approval_approve: 'Approval step approved', approval_reject: 'Approval rejected', approval_return: 'Approval returned',
      approval_cancel: 'Approval withdrawn', attach_file: 'File attached', auto_approve: 'Approved automatically',
      flag_high_risk: 'Flagged high risk', rebate: 'Rebate booked', reverse: 'Reversed', write_off: 'Written off', bad_debt: 'Bad debt written off',
    },
    fields: {
      ownerName: 'Owner', ownerId: 'Owner ID', parentId: 'Parent company', reason: 'Reason', revokedAt: 'Revoked at', expiresAt: 'Expires at',
      status: 'Status', amendment: 'Amendment', delivered: 'Delivered', signedOn: 'Signed on', creditOverride: 'Over-credit approved',
      amountInclTax: 'Amount incl. tax', title: 'Title', lines: 'Lines', instalments: 'Payment plan', signatories: 'Signatories',
      signedFileSha256: 'File SHA-256', badDebtRequested: 'Bad debt requested', approvalStep: 'Approval step', decision: 'Decision',
      comment: 'Comment', approvalChain: 'Approval chain', approvalFacts: 'Approval facts', signedFile: 'Signed file', customerId: 'Customer ID',
    },
  },
  pool: {
    title: 'Public pool', intro: 'Customers without follow-up for a while, or released by their owner, wait here for any rep to claim.',
    searchPlaceholder: 'Search the pool', claim: 'Claim', claimed: 'Claimed — the customer is now yours', assign: 'Assign',
    assignTitle: 'Assign customer', assignee: 'Assign to', assigned: 'Assigned', releaseTitle: 'Release to pool',
    releaseReason: 'Reason', released: 'Released to the pool', empty: 'The pool is empty',
  },
  users: { searchPlaceholder: 'Search users by name or email', inactive: 'Inactive' },
  import: {
    title: 'Import customers', upload: 'Choose an Excel file (.xlsx)', template: 'Download the template',
    hint: 'Fill in the template; the first row is the header. Up to 5000 rows per import.', total: 'Rows',
    allowDuplicates: 'Also import rows whose name looks like an existing customer (a matching credit code is still refused)',
    created: 'Created', failed: 'Failed', row: 'Row', field: 'Field', message: 'Problem', done: 'Import finished',
    uploading: 'Importing…',
  },
  tokens: {
    title: 'API tokens', intro: 'API tokens let integrations call L2C with the header Authorization: Bearer <token>.',
    new: 'New token', name: 'Name', namePlaceholder: 'e.g. ERP sync', expiresInDays: 'Valid for (days)',
    createdAt: 'Created', expiresAt: 'Expires', lastUsedAt: 'Last used', status: 'Status', active: 'Active',
    revoked: 'Revoked', expired: 'Expired', revoke: 'Revoke',
    revokeConfirm: 'Integrations using this token stop working at once. Revoke it?', revokedOk: 'Token revoked',
    createdTitle: 'Token created', createdHint: 'Copy it now and keep it safe — it is shown only this once.',
    never: 'Never',
  },
  errors: {
    generic: 'Failed: {{detail}}', network: 'Cannot reach the server; check your connection and try again',
    forbidden: 'You are not allowed to do this', notFound: 'Not found, or you may not see it',
    versionConflict: 'Someone else changed this record; reload it and try again',
    unauthenticated: 'Your session has ended; please log in again', rateLimited: 'Too many requests; try again shortly',
    validation: 'Some input is not valid', server: 'Server error (request {{requestId}})',
    csrf: 'Security check failed; reload the page and try again',
    codes: {
      customers: {
        duplicate_credit_code: 'Another customer already has this unified social credit code',
        not_in_pool: 'The customer is not in the public pool', in_pool: 'The customer is in the public pool; claim it first',
        claim_cap_reached: 'You have reached your daily limit of customers claimed from the pool',
        owner_not_found: 'You may not assign to this user', parent_invalid: 'The parent company is not valid (not visible, or a cycle)',
        bad_file: 'The file is not a readable .xlsx workbook with a header row',
        too_many_rows: 'A file may hold at most 5,000 customers; split it into smaller files',
        too_many_cells: 'The file holds more cells or text than an import can read; remove other sheets and columns, or split it',
        file_too_large: 'The file is larger than 10 MB; split it into smaller files',
        not_found: 'This customer does not exist or you may not see it', contact_not_found: 'Contact not found',
      },
      identity: {
        bad_credentials: 'Wrong email or password', locked: 'Too many failed logins; the account is locked for a while',
        tenant_required: 'This email belongs to several companies; name the tenant', token_not_found: 'No such API token',
      },
      ...cashEn.cashErrors,
    },
  },
  notFound: { title: 'Page not found', back: 'Back to home' },
  ...contractsEn,
  receivable: cashEn.receivable, payment: cashEn.payment, writeOff: cashEn.writeOff, account: cashEn.account,
  statement: cashEn.statement, aging: cashEn.aging,
};

export default en;
