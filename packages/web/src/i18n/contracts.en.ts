// English — contracts, approvals and notifications; the type keeps the keys in step with contracts.zh-CN.ts.
import type { ContractsMessages } from './contracts.zh-CN';

const contractsEn: ContractsMessages = {
  contract: {
    list: {
      title: 'Contracts', new: 'New contract', searchPlaceholder: 'Search number, title, customer', empty: 'No contracts',
      alerts: 'Performance alerts', alertKinds: { not_invoiced: 'Instalment not invoiced', delivery_late: 'Delivery / acceptance late', unpaid: 'Receivable unpaid' },
      daysLate: '{{days}} days late',
    },
    fields: {
      number: 'Number', title: 'Title', kind: 'Kind', customer: 'Customer', status: 'Status', amountExclTax: 'Amount excl. tax',
      taxAmount: 'Tax', amountInclTax: 'Amount incl. tax', signedOn: 'Signed on', owner: 'Owner', currency: 'Currency',
      pricesIncludeTax: 'Prices', paymentTermDays: 'Payment term (days)', deliveryTerms: 'Delivery terms', paymentTerms: 'Payment terms',
      periodStart: 'Valid from', periodEnd: 'Valid until', productScope: 'Product scope', rebateTerms: 'Rebate terms', createdAt: 'Created',
      maxDiscountRate: 'Max. discount', framework: 'Framework agreement',
    },
    form: {
      createTitle: 'New contract', editTitle: 'Edit draft contract', titlePlaceholder: 'e.g. 2026 gateway purchase contract',
      customerPlaceholder: 'Search customers', pricesInclTax: 'Incl. tax', pricesExclTax: 'Excl. tax', created: 'Contract created',
      saved: 'Contract saved', fixErrors: 'Please check the fields marked in red', notDraft: 'Only a draft contract can be edited',
      saveDraft: 'Save draft', saveAndSubmit: 'Save and submit for approval', terms: 'Terms', titleMin: 'The title needs at least 2 characters',
    },
    lines: {
      title: 'Lines', add: 'Add line', description: 'Description', productCode: 'Product code', quantity: 'Quantity', unit: 'Unit',
      unitPriceIncl: 'Unit price incl. tax', unitPriceExcl: 'Unit price excl. tax', unitPrice: 'Unit price', discount: 'Discount %',
      taxRate: 'Tax rate', amountExclTax: 'Excl. tax', taxAmount: 'Tax', amountInclTax: 'Incl. tax', total: 'Total', empty: 'No lines yet',
      descriptionRequired: 'Describe the line', quantityInvalid: 'Quantity above 0, at most 4 decimals', priceInvalid: 'Unit price with at most 6 decimals',
      discountInvalid: 'Discount from 0 to below 100', frameworkHint: 'A framework agreement\'s lines are its price list; they commit no amount',
    },
    plan: {
      title: 'Payment plan', template: 'Apply template', templates: { standard_30_60_10: '30/60/10 (signing / delivery / acceptance)', full_on_signing: '100% on signing' },
      add: 'Add instalment', seq: '#', trigger: 'Trigger', by: 'Given as', byPercent: 'Percent', byAmount: 'Amount', percent: 'Percent',
      amount: 'Amount', dueDate: 'Due date', expectedDate: 'Expected date', dueDays: 'Days after trigger', method: 'Method', owner: 'Owner',
      milestone: 'Milestone', resolved: 'Planned', planTotal: 'Plan total', contractTotal: 'Contract total', toPlan: 'Amount to plan',
      balanced: 'The plan adds up to the contract total', missing: '{{amount}} still unplanned', over: '{{amount}} over', percentOver: 'The percents add to more than 100%',
      empty: 'No instalments yet', receivable: 'Receivable', notTriggered: 'Not triggered', triggeredOn: 'Triggered {{date}}',
      frameworkHint: 'A framework agreement commits no amount and needs no payment plan', percentInvalid: 'Percent above 0, at most 100, at most 6 decimals',
      equal: 'Split equally', equalN: '{{n}} equal instalments', equalHint: 'Every instalment gets the same percent; the odd cents go to the first instalments',
      amountInvalid: 'Enter an amount above 0 with at most 2 decimals', dueDateRequired: 'A date instalment needs its due date',
      dueDaysHint: 'Receivable due date = trigger date + days', noTotal: 'Instalment amounts follow once the lines are filled in',
    },
    detail: {
      notFound: 'This contract does not exist or you may not see it', lines: 'Lines', plan: 'Payment plan', approvals: 'Approval',
      timeline: 'Timeline', amendments: 'Amendments', terms: 'Terms', signatories: 'Signatories', signedFile: 'Signed file', download: 'Download',
      creditOverride: 'Approved over the credit limit', noApproval: 'Not submitted for approval yet', termsLocked: 'Signed: commercial terms are locked',
      compliance: 'Compliance check', complianceOk: 'Compliance check passed', openReceivable: 'Open receivable',
    },
    actions: {
      submit: 'Submit for approval', sign: 'Sign', deliver: 'Record delivery / acceptance', amend: 'Amendment', terminate: 'Terminate',
      complete: 'Complete', startPerformance: 'Start performance', submitted: 'Submitted for approval: {{steps}}',
      approvedAtOnce: 'No approval needed; approved at once', signed: 'Contract signed', delivered: 'Recorded; the receivables are booked',
      terminated: 'Contract terminated', completed: 'Contract completed', performing: 'Contract in performance', amended: 'Amendment submitted for approval',
      terminateReason: 'Why is the contract terminated?', terminateHint: 'Terminating withdraws any open approval and cannot be undone.',
      completeConfirm: 'Has the contract been fully performed?', performConfirm: 'Start performing this contract?', downloadFile: 'Download signed file',
    },
    sign: {
      title: 'Sign contract', signedOn: 'Signed on', signatories: 'Signatories', name: 'Name', party: 'Party',
      parties: { customer: 'Customer', company: 'Our company' }, signatoryTitle: 'Title', addSignatory: 'Add signatory', file: 'Signed file',
      fileHint: 'Upload the scan signed and sealed by both parties (PDF or image, up to 10 MB). Its SHA-256 fingerprint is kept.',
      fileRequired: 'Upload the signed file', signatoryRequired: 'Name at least one signatory', pick: 'Choose file', nameRequired: 'Enter the name',
    },
    delivery: {
      title: 'Record delivery / acceptance', instalment: 'Instalment', deliveredOn: 'Delivered / accepted on',
      hint: 'Recording it books the receivable of the instalment.', none: 'No instalment waits for a delivery or acceptance',
      instalmentRequired: 'Choose the instalment',
    },
    amendment: {
      title: 'Amendment', reason: 'Reason', intro: 'A signed contract\'s commercial terms change only through an approved amendment. Instalments already triggered or invoiced stay; the new plan covers the rest.',
      pending: 'An amendment is waiting for approval', number: 'Number', amountBefore: 'Amount before', amountAfter: 'Amount after',
      statuses: { in_approval: 'In approval', approved: 'In force', rejected: 'Rejected', returned: 'Returned', cancelled: 'Cancelled' },
      locked: 'Triggered instalments total {{amount}} (kept as they are)', empty: 'No amendments', reasonMin: 'Say why the contract changes (2 characters or more)',
    },
    compliance: {
      failed: 'The contract fails the compliance check and cannot be submitted', approvalNeeded: 'Needs extra approval', passed: 'Compliance check passed',
      codes: {
        payment_term_exceeded: 'Payment term longer than the customer allows', plan_missing: 'No payment plan', plan_mismatch: 'The plan does not add up to the total',
        lines_missing: 'No lines', credit_exceeded: 'Over the customer\'s available credit', credit_hold: 'The customer\'s credit is on hold', framework_invalid: 'Framework agreement not valid',
      },
      summary: 'Allowed term {{days}} days · credit limit {{limit}} · available {{available}} · risk {{risk}}',
      paths: { paymentTermDays: 'Payment term', instalments: 'Payment plan', lines: 'Lines', amountInclTax: 'Amount incl. tax', frameworkId: 'Framework', instalment: 'Instalment {{n}}' },
    },
  },
  approval: {
    inbox: {
      title: 'Approvals', intro: 'Contracts, amendments and bad-debt write-offs waiting for your decision.', empty: 'Nothing waits for your approval',
      waitingSince: 'Waiting since {{time}}', submittedBy: 'Submitted by', step: 'Step', open: 'Open document',
      docTypes: { contract: 'Contract', contract_amendment: 'Amendment', bad_debt: 'Bad debt', invoice_request: 'Invoice request', credit_limit: 'Credit limit raise', quote: 'Quote' },
    },
    actions: {
      approve: 'Approve', reject: 'Reject', return: 'Return', comment: 'Comment', commentOptional: 'Comment (optional)',
      commentRequired: 'Give a reason (2 characters or more)', approved: 'Approved', rejected: 'Rejected', returned: 'Returned',
    },
    facts: {
      amount: 'Amount', amountExclTax: 'Excl. tax', maxDiscount: 'Max. discount', paymentTermDays: 'Payment term', riskLevel: 'Risk',
      overCredit: 'Over credit', customerGrade: 'Customer grade', amountBefore: 'Amount before', amountDelta: 'Change', kind: 'Kind', amountOpen: 'Open', reason: 'Reason',
      days: '{{days}} days',
    },
    progress: { submitted: 'Submitted by {{name}} on {{time}}', approvers: 'Approvers: {{names}}', actedBy: '{{name}} · {{time}}', history: 'Earlier approvals' },
    stepNames: { Manager: 'Manager', Finance: 'Finance', Executive: 'Executive', 'Second approver': 'Second approver' },
  },
  notification: {
    title: 'Notifications', empty: 'No notifications', markAll: 'Mark all read', unread: '{{count}} unread', viewAll: 'Open',
  },
};

export default contractsEn;
