// English — receivables, payments, write-offs, customer accounts, statements and aging; the type keeps the keys in
// step with cash.zh-CN.ts.
import type { CashMessages } from './cash.zh-CN';

const cashEn: CashMessages = {
  receivable: {
    list: { title: 'Receivables', searchPlaceholder: 'Search number, customer' },
    fields: {
      number: 'Number', kind: 'Kind', customer: 'Customer', contract: 'Contract', source: 'Source', amount: 'Amount', taxAmount: 'Tax',
      amountOpen: 'Open', amountApplied: 'Applied', badDebtAmount: 'Bad debt', status: 'Status', businessDate: 'Business date',
      dueDate: 'Due date', daysOverdue: 'Days overdue', owner: 'Owner', reason: 'Reason', createdAt: 'Created', original: 'Original receivable',
    },
    filters: { overdue: 'Overdue only', dueRange: 'Due between', status: 'Status', kind: 'Kind' },
    detail: { title: 'Receivable', allocations: 'Write-offs', noAllocations: 'No write-offs yet', reversed: 'Reversed', days: '{{days}} days' },
    creditNote: {
      title: 'Credit note', action: 'Credit note', amount: 'Amount (incl. tax)', taxAmount: 'of which tax', reason: 'Reason',
      hint: 'A credit note is a negative receivable applied at once to the original: its open amount drops by the note.',
      created: 'Credit note booked', exceeds: 'At most the open amount {{amount}}',
    },
    badDebt: {
      title: 'Request bad-debt write-off', action: 'Request bad debt', amount: 'Bad-debt amount', reason: 'Reason',
      requested: 'Bad-debt request submitted for approval',
      hint: 'An executive or admin approves bad debt before it is booked; requesters cannot approve their own request.',
    },
  },
  payment: {
    list: { title: 'Payments', register: 'Register payment', searchPlaceholder: 'Search number, customer, payer, bank reference' },
    fields: {
      number: 'Number', customer: 'Customer', amount: 'Amount', amountUnapplied: 'Unapplied', amountApplied: 'Applied', receivedOn: 'Received on',
      method: 'Method', payerName: 'Payer', payerAccount: 'Payer account', bankReference: 'Bank reference', remark: 'Remark', status: 'Status',
      registeredBy: 'Registered by', confirmedBy: 'Confirmed by', currency: 'Currency', rejectedReason: 'Rejection reason',
    },
    form: {
      title: 'Register payment', confirmNow: 'Confirm receipt now (finance)', autoApply: 'Write off automatically after confirming',
      amountInvalid: 'Enter an amount above 0 with at most 2 decimals', created: 'Payment registered; finance will confirm it',
      createdConfirmed: 'Payment registered and confirmed', autoApplied: '{{amount}} written off automatically',
      customerRequired: 'Choose the customer', dateRequired: 'Choose the date received',
    },
    confirm: 'Confirm', confirmOk: 'Payment confirmed', confirmPrompt: 'Has this money arrived? Confirming puts it on the customer\'s prepaid account, ready to write off.',
    reject: 'Reject', rejectTitle: 'Reject payment', rejectReason: 'Reason', rejected: 'Payment rejected', writeOff: 'Write off',
    filters: { unapplied: 'With unapplied money', status: 'Status' },
  },
  writeOff: {
    title: 'Write-off workbench', intro: 'Pick a customer and a payment: L2C proposes what to write off by the chosen strategy; adjust any row, then confirm.',
    customer: 'Customer', pickCustomer: 'Choose a customer first', sources: 'Money to apply', payments: 'Payments with unapplied money',
    creditNotes: 'Credit notes', rebate: 'Rebate account', rebateBalance: 'Rebate balance {{amount}}',
    noPayments: 'This customer has no confirmed payment with unapplied money', openReceivables: 'Open receivables',
    noReceivables: 'This customer has no open receivables', strategy: 'Strategy', contract: 'Contract', contractAuto: 'From the payment remark',
    fillProposal: 'Use proposal', clear: 'Clear', amount: 'Apply now', available: 'Available', selected: 'Selected', remaining: 'Left',
    confirm: 'Confirm write-off', confirmed: 'Written off: {{amount}}', exceedsOpen: 'At most the open amount {{amount}}',
    exceedsAvailable: 'Selected {{selected}} exceeds the available {{available}}', invalidAmount: 'Not a valid amount (at most 2 decimals)',
    nothing: 'Enter an amount on at least one row', pickSource: 'Pick a payment, a credit note or the rebate account',
    proposed: 'Proposed {{amount}} (available {{available}})', history: 'Write-offs', reverse: 'Reverse', reverseTitle: 'Reverse write-off',
    reverseReason: 'Reason', reversed: 'Write-off reversed',
    reverseHint: 'A reversal is booked as a new record; the original stays and the receivables are open again.', memo: 'Memo',
    appliedOn: 'Applied on', number: 'Number', total: 'Amount', lines: 'Lines', reversedBy: 'Reversed', noHistory: 'No write-offs yet', fillAll: 'All',
  },
  account: {
    tab: 'Accounts', prepaid: 'Prepaid', rebate: 'Rebate', creditLimit: 'Credit limit', creditAvailable: 'Available credit',
    receivablesOpen: 'Open receivables', paymentTermDays: 'Payment term', riskLevel: 'Risk', ledger: 'Ledger', days: '{{days}} days',
    accounts: { prepaid: 'Prepaid account', rebate: 'Rebate account', credit: 'Credit account' },
    entry: { date: 'Date', kind: 'Kind', amount: 'Amount', balance: 'Balance', memo: 'Memo' },
    openReceivables: 'Open receivables', noEntries: 'No entries',
  },
  statement: {
    title: 'Statement of account', period: 'Period', view: 'Show statement', xlsx: 'Download Excel', pdf: 'Download PDF',
    opening: 'Opening balance', closing: 'Closing balance', debit: 'Debit (owed more)', credit: 'Credit (owed less)', date: 'Date',
    kind: 'Kind', number: 'Number', ref: 'Reference', memo: 'Memo', balance: 'Balance', totals: 'Period totals', writeOffs: 'Write-offs in the period',
    closingMade: 'Closing balance made of', receivablesOpen: 'Open receivables', paymentsUnapplied: 'Unapplied payments',
    creditNotesUnapplied: 'Unapplied credit notes', empty: 'Nothing happened in this period', periodRequired: 'Choose the period',
  },
  aging: {
    title: 'Aging', asOf: 'As of', groupBy: 'Group by', totalOpen: 'Total open', overdue: 'Overdue', overdueShare: 'Overdue share',
    count: 'Count', buckets: 'By days past due', trend: 'Last 12 months', open: 'Open', topOverdue: 'Top 10 overdue customers',
    maxDays: 'Oldest', dsoSimple: 'DSO (simple)', dsoCountback: 'DSO (countback)', creditSales: 'Credit sales, last {{days}} days',
    days: '{{value}} days', drill: 'Receivables', all: 'All', group: 'Group', total: 'Total', clickHint: 'Click a bar or an amount to see its receivables',
    asOfHistory: 'Recomputed as of that day: write-offs dated later are left out',
    groups: { none: 'None', customer: 'Customer', owner: 'Owner', team: 'Team', region: 'Region', product_line: 'Product line' },
    bucketLabels: { current: 'Not yet due', range: '{{from}}–{{to}} days', over: 'Over {{from}} days' }, overdueBucket: 'Overdue',
  },
  cashEnums: {
    contractStatus: {
      draft: 'Draft', in_approval: 'In approval', approved: 'Approved', signed: 'Signed', in_performance: 'In performance',
      completed: 'Completed', terminated: 'Terminated',
    },
    contractKind: { order: 'Order contract', framework: 'Framework agreement' },
    trigger: { date: 'On a date', on_signing: 'On signing', on_delivery: 'On delivery', on_acceptance: 'On acceptance' },
    method: { bank_transfer: 'Bank transfer', cash: 'Cash', online: 'Online', acceptance_bill: 'Bank acceptance bill', check: 'Cheque', other: 'Other' },
    receivableStatus: { open: 'Open', partially_paid: 'Partially paid', paid: 'Paid', bad_debt: 'Bad debt', applied: 'Applied' },
    receivableKind: { invoice: 'Invoice', credit_note: 'Credit note' },
    receivableSource: {
      contract_signed: 'Contract signed', plan_date: 'Plan date', delivery: 'Delivery', milestone: 'Milestone accepted', order: 'Order',
      service_period: 'Service period', usage: 'Usage', manual: 'Manual', credit_note: 'Credit note',
    },
    paymentStatus: { claimed: 'To confirm', confirmed: 'Confirmed', rejected: 'Rejected' },
    strategy: { oldest_due: 'Oldest due first', contract: 'By contract', instalment: 'Instalment by instalment' },
    approvalStatus: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected', returned: 'Returned', cancelled: 'Cancelled', withdrawn: 'Withdrawn' },
    writeOffKind: { apply: 'Write-off', reverse: 'Reversal', bad_debt: 'Bad debt' },
    riskLevel: { low: 'Low', normal: 'Normal', high: 'High' },
    accountEntryKind: {
      payment_confirmed: 'Payment confirmed', applied: 'Applied', reversal: 'Reversal', rebate_accrual: 'Rebate accrued',
      rebate_correction: 'Rebate corrected', rebate_used: 'Rebate used', credit_limit_change: 'Credit limit changed',
    },
    statementKind: { receivable: 'Receivable', credit_note: 'Credit note', payment: 'Payment', rebate: 'Rebate offset', bad_debt: 'Bad debt' },
    sourceType: { payment: 'Payment', credit_note: 'Credit note', rebate: 'Rebate', bad_debt: 'Bad debt' },
  },
  cashErrors: {
    contracts: {
      not_found: 'This contract does not exist or you may not see it', customer_not_found: 'The customer does not exist or is not yours to contract with',
      framework_invalid: 'The framework agreement is not one of the same customer', owner_not_found: 'You may not make this user the owner',
      not_editable: 'Only a draft contract can be edited', terms_locked: 'The contract is signed; its terms change only through an amendment',
      bad_status: 'The contract\'s status does not allow this', compliance_failed: 'The contract fails the compliance check',
      credit_exceeded: 'Over the customer\'s available credit', credit_hold: 'The customer\'s credit is on hold (long overdue); finance must release it first', amendment_pending: 'An amendment is already waiting for approval',
      amendment_not_found: 'Amendment not found', amendment_stale: 'The contract changed; reject the amendment and write a new one',
      instalment_not_found: 'No instalment waits for this event', bad_file: 'The signed file is missing or empty',
    },
    approvals: {
      not_found: 'Approval not found', not_pending: 'This approval no longer waits for a decision', not_your_step: 'You are not an approver of the current step',
      already_pending: 'This document already waits for approval', no_approver: 'Nobody can approve a step of this chain; set a team manager or add a user in the role',
    },
    receivables: {
      not_found: 'Receivable not found', customer_not_found: 'Customer not found', credit_note_exceeds: 'A credit note cannot exceed the open amount',
      not_an_invoice: 'Only an invoice can be credited', bad_debt_exceeds: 'The bad-debt amount exceeds the open amount',
      bad_debt_request_not_found: 'Bad-debt request not found', bad_debt_request_closed: 'This bad-debt request has been decided',
      self_approval: 'You cannot approve your own bad-debt request',
    },
    payments: {
      not_found: 'Payment not found', customer_not_found: 'Customer not found', duplicate_bank_reference: 'A payment with this bank reference is already booked',
      not_claimed: 'Only a payment waiting for confirmation can be confirmed or rejected', has_allocations: 'A written-off payment cannot be rejected; reverse the write-off first',
      confirm_not_allowed: 'Only finance confirms payments', rebate_negative: 'The rebate account cannot go below zero',
    },
    write_offs: {
      not_found: 'Write-off not found', customer_not_found: 'Customer not found', receivable_not_found: 'No such receivable of this customer',
      source_not_found: 'No such payment or credit note of this customer', payment_not_confirmed: 'Only a confirmed payment can be written off',
      currency_mismatch: 'Payment and receivable are in different currencies', exceeds_open: 'More than is open on the receivable',
      exceeds_unapplied: 'More than is unapplied on the payment', exceeds_credit_note: 'More than is open on the credit note',
      exceeds_rebate: 'More than the rebate balance', not_an_invoice: 'Write-offs apply to invoices, not credit notes',
      already_reversed: 'This write-off has already been reversed', not_reversible: 'A reversal cannot be reversed',
      invariant_broken: 'A money check failed; nothing was booked',
    },
    collections: {},
    common: { idempotency_mismatch: 'This submission differs from the first one with the same key; reload and try again' },
  },
};

export default cashEn;
