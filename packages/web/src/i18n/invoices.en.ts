// English — invoices; the type keeps the keys in step with invoices.zh-CN.ts.
import type { InvoiceMessages } from './invoices.zh-CN';

const invoicesEn: InvoiceMessages = {
  invoice: {
    nav: 'Invoices',
    title: 'Invoices',
    tabs: { requests: 'Invoice requests', register: 'Invoice register', red: 'Red-letter confirmations', settings: 'Settings' },
    types: { special: 'Special VAT e-invoice', ordinary: 'Ordinary e-invoice' },
    colors: { blue: 'Blue', red: 'Red' },
    statuses: { pending: 'In approval', approved: 'To issue', rejected: 'Rejected', cancelled: 'Cancelled', issued: 'Issued' },
    redStatuses: { pending: 'To confirm', confirmed: 'Confirmed', cancelled: 'Cancelled', issued: 'Red invoice issued' },
    redReasons: { sales_return: 'Sales return', allowance: 'Allowance', error: 'Issued in error', cancellation: 'Service stopped' },
    fields: {
      number: 'Request no.', customer: 'Customer', type: 'Invoice type', amountInclTax: 'Total with tax', amountExclTax: 'Amount without tax', taxAmount: 'Tax',
      status: 'Status', requestedBy: 'Requested by', requestedAt: 'Requested at', invoiceNumber: 'Invoice no.', issueDate: 'Issue date', buyer: 'Buyer',
      taxpayerId: 'Taxpayer ID', seller: 'Seller', remarks: 'Remarks', source: 'Source', redAmount: 'Reversed', blueInvoice: 'Blue invoice',
      reason: 'Reason', creditNote: 'Credit note', items: 'Invoiced sources', lines: 'Lines', receivable: 'Receivable', contract: 'Contract',
      amount: 'Amount to invoice (with tax)', color: 'Color', decisionComment: 'Decision comment',
    },
    line: {
      taxCode: 'Tax classification code', name: 'Item', specification: 'Specification', unit: 'Unit', quantity: 'Qty', unitPrice: 'Unit price', amount: 'Amount',
      taxRate: 'Rate', tax: 'Tax', add: 'Add line', pricesIncludeTax: 'Prices include tax',
    },
    actions: {
      request: 'Request invoice', submit: 'Submit request', cancel: 'Cancel request', approve: 'Approve', reject: 'Reject', issue: 'Record invoice number',
      exportBatch: 'Export batch-issue workbook', import: 'Import issued invoices', pdf: 'Download PDF', red: 'Red-letter', confirm: 'Confirm', cancelRed: 'Cancel', issueRed: 'Record red invoice number',
      save: 'Save',
    },
    request: {
      customer: 'Customer', sources: 'Receivables to invoice', sourceHint: 'Several receivables may go on one invoice, in full or in part; a receivable may be invoiced in several parts.',
      noReceivables: 'This customer has no receivables', noContracts: 'This customer has no signed contracts', signedOn: 'Signed on',
      contractHint: 'A signed contract may be invoiced before its receivables are booked; all invoicing of a contract (its receivables\' too) stays within its amount.', totals: 'Lines: amount {{excl}} · tax {{tax}} · total {{incl}}', itemsTotal: 'Sources total {{amount}}',
      mismatch: 'The lines\' total with tax must equal the sources\' total', created: 'Invoice request submitted; finance will approve it', full: 'Full',
    },
    issue: { title: 'Record invoice number', hint: 'The 20-digit number the tax platform gave the e-invoice', done: 'Invoice {{number}} recorded' },
    importResult: '{{rows}} rows: {{created}} recorded, {{already}} already recorded, {{errors}} refused',
    red: {
      title: 'Red-letter invoice {{number}}', full: 'Reverse all', partial: 'Reverse part', lineAmount: 'Amount to reverse (with tax)',
      receivable: 'Receivable it reduces', hint: 'A red-letter confirmation comes first; once the buyer confirms it, record the red invoice\'s number. Never more than is left of the blue invoice.', created: 'Red-letter confirmation created',
    },
    figures: { title: 'Invoicing', amount: 'Amount', invoiced: 'Invoiced', requested: 'Being invoiced', uninvoiced: 'Uninvoiced', paid: 'Paid' },
    settings: {
      seller: 'Seller (issuer)', sellerName: 'Name', sellerTaxpayerId: 'Taxpayer ID', mapping: 'Columns of the tax platform\'s export',
      mappingHint: 'Use the headers of the platform\'s export file; a pattern can pick the request number out of the remarks column.', headerRow: 'Header row', header: 'Header', pattern: 'Pattern (optional)',
      requestNumber: 'Request number', invoiceNumber: 'Invoice number', issueDate: 'Issue date', amountInclTax: 'Total with tax (checked)', saved: 'Saved', useDefault: 'Use default mapping',
      batch: 'Columns of the batch-issue workbook', batchHint: 'Use the headers of your tax platform\'s batch-issue template; an empty header leaves the column out.',
      batchFields: {
        requestNumber: 'Request number', invoiceType: 'Invoice type', buyerName: 'Buyer name', buyerTaxpayerId: 'Buyer taxpayer ID', buyerAddressPhone: 'Buyer address and phone',
        buyerBankAccount: 'Buyer bank and account', itemName: 'Item', taxCode: 'Tax classification code', specification: 'Specification', unit: 'Unit', quantity: 'Quantity',
        unitPrice: 'Unit price', amount: 'Amount', taxRate: 'Rate', taxAmount: 'Tax', priceIncludesTax: 'Tax-inclusive flag', remarks: 'Remarks',
      },
    },
    empty: 'Nothing yet',
  },
};

export default invoicesEn;
