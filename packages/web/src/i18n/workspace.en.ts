// English — the same shape as workspace.zh-CN.ts.
const workspaceEn = {
  c360: {
    summary: 'Money summary', contracted: 'Contracted', invoiced: 'Invoiced', collected: 'Collected', open: 'Open', overdue: 'Overdue',
    unapplied: 'Unapplied cash', availableCredit: 'Available credit', creditExplain: 'Available = limit {{limit}} − open receivables {{open}} − signed, not yet billed {{committed}}',
    onHold: 'Credit hold', otherCurrency: 'In {{currency}}', counts: '{{contracts}} contracts · {{open}} open receivables ({{overdue}} overdue) · {{payments}} payments',
    tabs: { contracts: 'Contracts', receivables: 'Receivables', payments: 'Payments', writeOffs: 'Write-offs', timeline: 'Timeline' },
    timeline: {
      all: 'All', empty: 'Nothing has happened yet', kinds: { audit: 'Changes', follow_up: 'Follow-ups', receivable: 'Receivables', credit_note: 'Credit notes', payment: 'Payments', write_off: 'Write-offs' },
      receivable: 'Receivable {{number}} booked', credit_note: 'Credit note {{number}} booked', payment: 'Payment {{number}} registered', write_off: 'Write-off {{number}}',
      due: 'due {{date}}', received: 'received {{date}}', applied: 'applied {{date}}', next: 'Next: {{step}} ({{date}})',
    },
    noWriteOffs: 'No write-offs yet', viewAll: 'View all',
  },
  auditLabels: {
    entityTypes: { customer_account: 'Customer account', company_profile: 'Company profile', tenant_settings: 'Tenant settings', invoice: 'Invoice', invoice_request: 'Invoice request', dunning_task: 'Dunning task', promise_to_pay: 'Promise to pay', credit_assessment: 'Credit assessment', bank_statement: 'Bank statement', bank_statement_line: 'Bank line', approval_definition: 'Approval rule' },
    actions: { credit_hold: 'Credit hold', credit_release: 'Credit hold released', flag_high_risk: 'Flagged high risk', mark_overdue: 'Marked overdue', hold: 'Credit hold', release_hold: 'Hold released', issue: 'Issued', withdraw: 'Withdrawn' },
    fields: {
      _: {
        riskLevel: 'Risk level', overdueMarkedOn: 'Marked overdue on', creditLimit: 'Credit limit', paymentTermDays: 'Payment term (days)', grade: 'Grade',
        number: 'Number', name: 'Name', role: 'Role', teamId: 'Team', managerId: 'Manager', active: 'Active', email: 'Email', phone: 'Phone',
        amount: 'Amount', amountOpen: 'Open', currency: 'Currency', dueDate: 'Due date', businessDate: 'Business date', total: 'Total',
        receivableId: 'Receivable', paymentId: 'Payment', contractId: 'Contract', contactId: 'Contact', appliedOn: 'Applied on', memo: 'Memo',
        reversedBy: 'Reversed by', seq: 'No.', trigger: 'Trigger', percent: 'Percent', milestone: 'Milestone', dueDaysAfterTrigger: 'Days after trigger',
        method: 'Method', ownerId: 'Owner', onHold: 'Credit hold', holdReason: 'Hold reason', releaseReason: 'Release reason', prepaid: 'Prepaid', rebate: 'Rebate', kind: 'Kind',
        productCode: 'Product code', description: 'Description', quantity: 'Quantity', unitPrice: 'Unit price', taxRate: 'Tax rate', discountRate: 'Discount',
        signatory: 'Signatory', party: 'Party', signedOn: 'Signed on', step: 'Step', approver: 'Approver', steps: 'Approval steps',
      },
      receivable: { source: 'Booked by', status: 'Receivable status' },
      payment: { status: 'Payment status' },
      credit_profile: { creditLimit: 'Credit limit', riskLevel: 'Risk level' },
    },
    reasons: {
      overdue_over_days: 'Overdue more than {{days}} days (on {{on}})', dunning_hold: 'Dunning: receivable {{number}} {{days}} days past due',
      delivered_milestone: 'Delivered: {{milestone}}', delivered_instalment: 'Delivered: instalment {{seq}}', first_delivery: 'First delivery', first_acceptance: 'First acceptance',
    },
  },
  lists: {
    totals: 'Totals (current filter, {{count}} items)', totalAmount: 'Amount', totalOpen: 'Open', totalOverdue: 'of which overdue',
    openOnly: 'Open', allStatuses: 'All statuses', collected: 'Collected', uncollected: 'To collect', progress: 'Collected %',
  },
  homeMore: {
    approvals: 'Waiting for my approval', approvalsEmpty: 'Nothing waits for your approval', approvalsAll: 'Open the approval inbox',
    agingTrend: 'Aging trend (month ends, last 12 months)', month: 'Month', open: 'Open', overdue: 'Overdue', overdueShare: 'Overdue share',
  },
  milestones: { acceptance: 'Acceptance', delivery: 'Delivery', signing: 'Signing', installation: 'Installation', go_live: 'Go-live' },
};

export default workspaceEn;
