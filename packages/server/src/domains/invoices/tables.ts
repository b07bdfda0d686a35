// Tables invoices owns: requests 开票申请 with their items (which sources) and lines (what goes on the invoice), the
// invoice positions (the row a request locks before it checks for over-invoicing), issued invoices with their lines,
// and red-letter confirmations 红字确认单. Nobody else reads them directly yet.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  invoice_positions: {},
  invoice_requests: {},
  invoice_request_items: {},
  invoice_request_lines: {},
  invoices: {},
  invoice_lines: {},
  red_confirmations: {},
};
