// Tables invoices owns: requests 开票申请 with their items (which sources) and lines (what goes on the invoice), the
// invoice positions (the row a request locks before it checks for over-invoicing), issued invoices with their lines,
// and red-letter confirmations 红字确认单. Bank matching reads invoice numbers and the receivables they were requested for.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  invoice_positions: {},
  invoice_requests: {},
  invoice_request_items: { readers: { 'flows/bank-reconciliation': 'the receivables an invoice was requested for, when a bank line\'s remittance names the invoice number' } },
  invoice_request_lines: {},
  invoices: { readers: { 'flows/bank-reconciliation': 'invoice numbers 发票号码 named in a bank line\'s remittance text' } },
  invoice_lines: {},
  red_confirmations: {},
};
