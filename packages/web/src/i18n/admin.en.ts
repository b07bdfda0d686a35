// English — administration (admins): users, teams, credit limits, company profile; the set-password page.
import type { AdminMessages } from './admin.zh-CN';

const adminEn: AdminMessages = {
  admin: {
    nav: 'Administration',
    title: 'Administration',
    noAccess: 'Only admins can open the administration',
    saved: 'Saved',
    tabs: { users: 'Users', teams: 'Teams', credit: 'Credit limits', company: 'Company profile', pool: 'Public pool' },
    users: {
      search: 'Search by name or email', add: 'New user', name: 'Name', email: 'Email', role: 'Role', team: 'Team', status: 'Status',
      active: 'Active', inactive: 'Deactivated', invited: 'Invitation pending', actions: 'Actions', edit: 'Edit', deactivate: 'Deactivate', activate: 'Activate',
      reset: 'Reset password', reinvite: 'Invite again', sessions: 'Sessions and tokens', noTeam: '(no team)',
      password: 'Initial password', passwordHint: 'Leave empty to get a one-time invitation link; the user chooses a password',
      created: 'User created', linkTitle: 'One-time link', linkIntro: 'Send this link to {{name}} (shown this once, valid until {{expires}}):',
      copy: 'Copy link', copied: 'Copied',
      resetConfirm: 'Reset the password of {{name}}? The old password and every session and API token stop working at once.',
      deactivateConfirm: 'Deactivate {{name}}? Every session and API token of the user stops working at once.',
      tokens: { kind: 'Kind', session: 'Login session', api: 'API token', name: 'Name', created: 'Created', lastUsed: 'Last used', expires: 'Expires', revoke: 'Revoke', none: 'No live sessions or tokens', revoked: 'Revoked' },
    },
    teams: {
      add: 'New team', name: 'Team name', parent: 'Parent team', manager: 'Manager', none: '(top level)', noManager: '(none)',
      edit: 'Edit team', move: 'Drag a team to move it under another', moved: 'Moved under {{parent}}', top: 'top level',
    },
    credit: {
      defaultsTitle: 'Default credit limit per customer grade', defaultsIntro: 'A customer without a limit of its own gets its grade\'s default, so a new customer is not over its credit from the start.',
      grade: 'Grade {{grade}}', noDefault: 'None (0)', saveDefaults: 'Save defaults',
      customerTitle: 'A customer\'s credit limit', pick: 'Choose a customer', limit: 'Credit limit', term: 'Payment term (days)', risk: 'Risk level',
      riskLevels: { low: 'Low', normal: 'Normal', high: 'High' },
      save: 'Save limit', position: 'Available credit', formula: 'Available credit = credit limit − open receivables − committed contracts',
      open: 'Open receivables', committed: 'Committed contracts', available: 'Available credit', over: 'Over the credit limit by {{amount}}',
      fromProfile: 'Set for this customer', fromGrade: 'Grade {{grade}} default', fromNone: 'No limit set (no default for the grade)',
      committedHint: 'Approved, signed or performing contracts not yet invoiced', onHold: 'Credit hold: {{reason}}', history: 'Limit changes',
    },
    pool: { intro: 'A customer without a follow-up for this many days returns to the public pool; each rep may claim at most this many pool customers a day.', reclaimDays: 'Days without a follow-up before returning to the pool', claimDailyCap: 'Claims per rep per day', save: 'Save pool rules' },
    company: {
      legalName: 'Legal name', taxpayerId: 'Taxpayer ID', address: 'Address', phone: 'Phone', bankAccounts: 'Bank accounts',
      bank: 'Bank', accountName: 'Account name', accountNumber: 'Account number', addBank: 'Add account', logo: 'Logo', logoHint: 'PNG, JPEG or SVG, at most 200 KB',
      logoTooBig: 'The image is too big (200 KB at most)', removeLogo: 'Remove', save: 'Save company profile', usedOn: 'Printed on statements, and later on quotes and invoices.',
    },
  },
  homeBoard: {
    dueThisWeek: 'Due this week',
    overdue: 'Overdue',
    items: '{{count}} items',
    contractsInApproval: 'Contracts in approval',
    followUpsDue: 'Follow-ups due',
    collectionRate: 'Collection rate this month',
    collectedOfDue: '{{collected}} collected of {{due}} due this month',
    paymentsToConfirm: 'Payments to confirm',
    unapplied: 'Unapplied cash',
    badDebtRequests: 'Bad-debt requests',
    dso: 'DSO',
    days: '{{days}} days',
    arOpen: '{{amount}} receivable',
    contracted: 'Contracted {{period}}',
    invoiced: 'Invoiced {{period}}',
    collected: 'Collected {{period}}',
    month: 'this month',
    year: 'this year',
    lastYear: 'Last year: {{amount}}',
    overdueByRep: 'Overdue by rep',
    rep: 'Rep',
    count: 'Items',
    todo: 'To do',
    nothingToDo: 'Nothing to do',
    kinds: {
      overdue_receivable: 'Overdue',
      due_receivable: 'Due this week',
      contract_in_approval: 'In approval',
      follow_up: 'Follow up',
      payment_to_confirm: 'Confirm payment',
      unapplied_payment: 'Apply cash',
      bad_debt_request: 'Bad debt'
    }
  },
  setPassword: {
    title: 'Choose a password', invite: '{{tenant}} invites you to L2C', reset: 'A new password for your {{tenant}} account', account: 'Account: {{email}}',
    password: 'New password', confirm: 'Repeat it', mismatch: 'The two passwords differ', min: 'At least 8 characters', submit: 'Set password and log in',
    invalid: 'This link was used already or has expired; ask your admin for a new one.', done: 'Password set; log in', toLogin: 'Log in',
  },
};
export default adminEn;
