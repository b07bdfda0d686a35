// Tables receivables owns: what customers owe, how it was settled (write-off headers and their allocations) and the
// bad-debt requests. Reports in collections read them directly in set-based SQL, read-only.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  receivables: {
    readers: {
      'domains/scoring': 'the currency of invoices cash was applied to (customers\' RFM monetary, book currency only)',
      'domains/workspace': 'open invoices due and overdue on the home pages (read-only, in the caller\'s data scope)',
      'domains/collections': 'aging, metrics and statement report SQL (read-only; overdue marking is receivables\' markOverdue)',
      'domains/credit': 'open amounts of the available-credit sum and the payment history of the credit assessment',
      'domains/dunning': 'open invoices and their due dates: the steps due, the worklist, promises and effectiveness', 'domains/contracts': 'the booked amount beside each contract',
      'flows/write-off': 'the receivables an allocation settles, locked in id order',
      'flows/bank-reconciliation': 'open invoices a bank line may settle: by number named in the remittance, by customer, by exact amount (set-based)',
      'domains/invoices': 'a receivable as an invoicing source (amount, customer, contract) and a credit note a red-letter invoice links to',
      'domains/campaigns': 'the receivables of the contracts won opportunities became (campaign ROI on collected cash)',
    },
  },
  write_offs: { readers: { 'domains/scoring': 'the customer of payment write-offs (customers\' RFM monetary)', 'domains/workspace': 'write-offs on the customer timeline and counts, numbers in audit references', 'domains/collections': 'write-offs on customer statements', 'flows/write-off': 'write-off lists, details and the reversal check (writes through recordWriteOff)' } },
  allocations: {
    readers: {
      'domains/scoring': 'cash applied to a customer\'s invoices in the RFM window, net of reversals (monetary)',
      'domains/collections': 'settlements on aging and statements', 'domains/payments': 'the applied amount of a payment',
      'domains/contracts': 'collected per contract on its list and page (payment allocations on its receivables)',
      'domains/credit': 'on-time and late settlements of the credit assessment', 'domains/dunning': 'money collected per collector (effectiveness)',
      'flows/write-off': 'allocations it reverses',
      'domains/invoices': 'the paid figure (payment allocations) beside invoiced / uninvoiced of a receivable or contract',
      'domains/campaigns': 'cash collected on the contracts of won opportunities: payment allocations net of reversals (campaign ROI)',
    },
  },
  bad_debt_requests: { readers: { 'domains/workspace': 'pending bad-debt requests on finance\'s home page' } },
  // The aging summary (migration 020): written only by the triggers on receivables and allocations and by the
  // receivables.aging-compact job; the aging report reads it.
  aging_summary: { readers: { 'domains/collections': 'aging totals as of any day (sums of open-amount steps per due date and day)' } },
  aging_customer: { readers: { 'domains/collections': 'the largest customers of the aging report as of today' } },
  aging_deltas: { readers: { 'domains/collections': 'the steps not yet folded into aging_summary / aging_customer' } },
};
