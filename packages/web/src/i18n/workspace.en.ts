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
