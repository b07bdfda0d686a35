// English — administration's webhooks, approval rules and document number tabs, and a submitter's withdrawal.
import type { WorkspaceAdminMessages } from './workspace-admin.zh-CN';

const workspaceAdminEn: WorkspaceAdminMessages = {
  webhooks: {
    tab: 'Webhooks',
    intro: 'When a customer, contract, receivable, payment or write-off changes, the event is POSTed to these addresses, signed with HMAC-SHA256 (L2C-Signature: t=…,v1=…); failures are retried with exponential backoff.',
    add: 'New subscription', url: 'Endpoint URL', description: 'Description', events: 'Events', active: 'Active', status: 'Status', secret: 'Signing secret',
    on: 'On', off: 'Off', stats: '{{pending}} pending · {{succeeded}} delivered · {{dead}} failed',
    secretTitle: 'Signing secret (shown this once)', secretIntro: 'Store this secret now and verify every delivery\'s L2C-Signature with it; afterwards only its last four characters are shown.',
    copy: 'Copy', copied: 'Copied', rotate: 'Rotate secret', rotateConfirm: 'The old secret stops working at once; the receiver must switch too. Rotate?',
    test: 'Send test event', testSent: 'Test event queued; its result shows in the delivery log', switchOn: 'Switch on', switchOff: 'Switch off', create: 'Create subscription', edit: 'Edit',
    log: 'Delivery log', logFilter: 'All subscriptions', allStatuses: 'All statuses', event: 'Event', response: 'Response', latency: 'Latency', attempts: 'Attempts',
    nextTry: 'Next try', createdAt: 'Time', redeliver: 'Redeliver', redelivered: 'Queued again', body: 'Body', history: 'Attempts', none: 'No deliveries yet',
    deliveryStatus: { pending: 'Pending', delivering: 'Sending', succeeded: 'Delivered', dead: 'Failed' },
    kind: { event: 'Event', redelivery: 'Redelivery', test: 'Test' },
    eventNames: {
      'customer.created': 'Customer created', 'customer.updated': 'Customer changed', 'contract.status_changed': 'Contract status changed',
      'receivable.created': 'Receivable created', 'receivable.status_changed': 'Receivable status changed', 'payment.registered': 'Payment registered',
      'payment.confirmed': 'Payment confirmed', 'payment.rejected': 'Payment rejected', 'write_off.created': 'Write-off', 'write_off.reversed': 'Write-off reversed', 'webhook.test': 'Test event',
    },
  },
  numbering: {
    tab: 'Document numbers',
    intro: 'The number format of each document type: prefix, date part, counter width and when the counter starts again. The next document gets the new format at once; no number repeats.',
    docType: 'Document', kinds: { customer: 'Customer', contract: 'Contract', receivable: 'Receivable', payment: 'Payment', write_off: 'Write-off', credit_note: 'Credit note', invoice_request: 'Invoice request', red_confirmation: 'Red-letter confirmation' },
    prefix: 'Prefix', datePattern: 'Date part', separator: 'Separator', width: 'Counter digits', reset: 'Counter restarts', next: 'Next number', builtIn: 'Default',
    patterns: { none: 'None', YYYY: 'Year (2026)', YYMM: 'Year+month (2612)', YYYYMM: 'Year+month (202612)', YYYYMMDD: 'Date (20261206)' },
    separators: { none: 'None', dash: '-', slash: '/', underscore: '_' },
    resets: { never: 'Never', yearly: 'Every year', monthly: 'Every month', daily: 'Every day' },
    edit: 'Change format', save: 'Save format', preview: 'Preview: the next number will be', badReset: 'The reset period must show in the date part',
  },
  approvalRules: {
    tab: 'Approval rules',
    intro: 'The approval rules of each document type: conditions are checked in order, the steps of every matching rule are chained (an approver once); when none matches, the default steps apply.',
    docType: 'Document type', docTypes: { contract: 'Contract', contract_amendment: 'Amendment', bad_debt: 'Bad-debt write-off', invoice_request: 'Invoice request', credit_limit: 'Credit limit raise', quote: 'Quote' },
    builtIn: 'Built in', custom: 'Customised', rule: 'Rule', ruleName: 'Rule name', when: 'Conditions', any: 'Any of', all: 'All of', steps: 'Steps', otherwise: 'When none matches',
    addRule: 'Add rule', addCondition: 'Add condition', addStep: 'Add step', remove: 'Remove', fact: 'Field', op: 'Comparison', value: 'Value', stepName: 'Step name', approver: 'Approver',
    facts: { amount: 'Amount (incl. tax)', amountExclTax: 'Amount (excl. tax)', maxDiscount: 'Largest discount', paymentTermDays: 'Payment term (days)', riskLevel: 'Risk level', customerGrade: 'Customer grade', overCredit: 'Over credit limit', raise: 'Limit raise', kind: 'Contract kind', currency: 'Currency' },
    approverTypes: { manager: 'The submitter\'s manager', role: 'Role', roles: 'One of several roles', user: 'A named user' },
    roles: { admin: 'Admin', sales_manager: 'Sales manager', sales_rep: 'Sales rep', finance: 'Finance', marketer: 'Marketer', executive: 'Executive' },
    save: 'Save rules', saved: 'Approval rules saved',
    preview: 'Which steps would this contract need?', previewIntro: 'Pick a contract, or enter an amount, discount and so on; computed with the rules as edited (not yet saved).',
    pickContract: 'Pick a contract (number or title)', pickCustomer: 'A customer (brings its grade, risk level and whether the amount is over its credit)', orEnter: 'or enter', matched: 'Matching rules: {{names}}', noMatch: 'No rule matches: the default steps apply',
    noSteps: 'No approval needed: approved on submission', approvers: 'Approvers: {{names}}', nobody: '(decided at submission)', true: 'Yes', false: 'No',
  },
  approvalWithdraw: {
    button: 'Withdraw approval', confirm: 'The contract returns to draft and leaves the approvers\' inboxes. Withdraw?', reason: 'Why (optional)', done: 'Withdrawn: the contract is a draft again',
  },
};

export default workspaceAdminEn;
