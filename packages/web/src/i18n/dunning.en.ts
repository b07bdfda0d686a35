// English — dunning, the collector worklist and the credit assessment; the type keeps the keys in step with dunning.zh-CN.ts.
import type { DunningMessages } from './dunning.zh-CN';

const dunningEn: DunningMessages = {
  dunning: {
    nav: 'Dunning',
    title: 'Dunning',
    tabs: { worklist: 'Worklist', tasks: 'My tasks', promises: 'Promises to pay', outbox: 'Outbox', history: 'History', policies: 'Policies', effectiveness: 'Effectiveness', covered: 'To apply' },
    run: { button: 'Run dunning now', asOf: 'As of', done: '{{steps}} dunning steps run, {{mail}} mails sent' },
    worklist: {
      formula: 'Ranked by net overdue × money-weighted days past due ÷ 30 × risk weight (low 0.8, normal 1, high 1.5) × (1 + 0.5 × broken promises, at most 2)',
      customer: 'Customer', owner: 'Owner', overdue: 'Overdue', unapplied: 'Unapplied cash', netOverdue: 'Net overdue', days: 'Weighted days late', oldest: 'Oldest',
      risk: 'Risk', priority: 'Priority', promise: 'Promise to pay', lastContact: 'Last contact', hold: 'Credit hold', broken: '{{n}} broken', actions: 'Actions',
      recordPromise: 'Promise to pay', recordNote: 'Log contact', empty: 'No customer to chase',
    },
    promise: { title: 'Record a promise to pay', amount: 'Amount promised', promisedOn: 'Promised for', note: 'Note', saved: 'Promise to pay recorded', customer: 'Customer', collector: 'Collector', madeOn: 'Made on', status: 'Status', paid: 'Received' },
    promiseStatus: { open: 'Open', kept: 'Kept', broken: 'Broken' },
    note: { title: 'Log a contact', channel: 'Channel', outcome: 'Outcome', note: 'Note', saved: 'Contact logged', at: 'When' },
    channels: { phone: 'Phone', email: 'Email', visit: 'Visit', message: 'Message', other: 'Other' },
    outcomes: { reached: 'Reached', no_answer: 'No answer', promised: 'Promised to pay', disputed: 'Disputed', refused: 'Refused', paid: 'Paid' },
    task: { title: 'Task', customer: 'Customer', dueOn: 'Due', status: 'Status', done: 'Done', open: 'Open', doneStatus: 'Done' },
    mail: {
      to: 'To', subject: 'Subject', status: 'Status', createdAt: 'Written', sentAt: 'Sent', send: 'Send', sent: 'Sent', error: 'Error',
      noSmtp: 'No SMTP server is configured (L2C_SMTP_URL): mail stays in the outbox and can be sent once one is.', noAddress: 'No address',
    },
    mailStatus: { outbox: 'Outbox', queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed' },
    history: { runOn: 'Run on', step: 'Step', action: 'Action', receivable: 'Receivable', customer: 'Customer', amount: 'Open', days: 'Days past due', letter: 'Letter PDF', mail: 'Mail' },
    actions: { notice: 'In-app notice', email: 'Email', task: 'Task', letter: 'Formal letter', hold: 'Credit hold' },
    recipients: { customer: 'Customer', owner: 'Rep', manager: 'Manager', finance: 'Finance' },
    policy: {
      name: 'Name', grade: 'Customer grade', risk: 'Risk level', any: 'Any', priority: 'Priority', active: 'Active', steps: 'Steps', offset: 'Days from due date',
      action: 'Action', recipient: 'To', stepName: 'Step name', addStep: 'Add step', new: 'New policy', edit: 'Edit', save: 'Save', saved: 'Policy saved',
      hint: 'Each customer gets the most specific active policy: grade and risk both named first, then one of them, then a general one; then the lower priority.',
    },
    effectiveness: {
      from: 'From', to: 'To', collector: 'Collector', assigned: 'Assigned overdue', collected: 'Collected', still: 'Still overdue', rate: 'Effectiveness', promised: 'Promised',
      kept: 'Kept', keptRate: 'Promise kept rate', contacts: 'Contacts', definition: 'Definition',
    },
    covered: { hint: 'The unapplied cash of these customers covers what they owe: they are not chased. Finance should apply it (write-off).', overdue: 'Due', unapplied: 'Unapplied cash' },
  },
  credit: {
    tab: 'Credit assessment',
    title: 'Credit assessment',
    assess: 'Assess now',
    apply: 'Apply suggestion',
    score: 'Score',
    grade: 'Grade',
    factors: 'Factors',
    factor: { onTimeRate: 'On-time rate', avgDaysLate: 'Average days late', overdueShare: 'Overdue share', badDebts: 'Bad debts', tenure: 'Years as customer', contractVolume: 'Contracts, last 12 months' },
    points: 'Points',
    value: 'Value',
    current: 'Current limit / term',
    suggested: 'Suggested limit / term',
    days: '{{n}} days',
    status: { proposed: 'Proposed', pending_approval: 'In approval', applied: 'Applied', rejected: 'Rejected' },
    approvalHint: 'Raising the limit by more than {{amount}} needs approval',
    applied: 'Credit profile updated',
    pending: 'Sent for approval',
    hold: 'Credit on hold: {{reason}}',
    release: 'Release hold',
    releaseReason: 'Why release',
    released: 'Credit hold released',
    none: 'Not assessed yet: click "Assess now"',
    assessedOn: 'Assessed on',
    history: 'Earlier assessments',
  },
};

export default dunningEn;
