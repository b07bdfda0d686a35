// invoices: invoice requests 开票申请 over receivables or contracts (orders later), approved through the approval engine;
// issued fully digital e-invoices 数电票, red-letter confirmations 红字确认单 and red invoices; the tax platform's
// batch-issue and export workbooks; a PDF for the customer; invoiced / uninvoiced / paid per receivable and contract.
// It offers
// - invoicesRoutes;
// - invoiceRequestApprovalHandler: what the approval engine calls on an invoice request's final decision (app.ts);
// - createInvoiceRequest / issueInvoice / createRedConfirmation … for the demo loader.
// It owns invoice_positions, invoice_requests, invoice_request_items, invoice_request_lines, invoices, invoice_lines
// and red_confirmations (tables.ts); it reads receivables, contracts and customers as their owners declare.
export { invoicesRoutes } from './invoices.routes.js';
export { invoiceRequestApprovalHandler, createInvoiceRequest, cancelInvoiceRequest, getInvoiceRequest } from './requests.service.js';
export { issueInvoice, getInvoice } from './issue.service.js';
export { createRedConfirmation, confirmRedConfirmation, issueRedInvoice } from './red.service.js';
export { updateInvoiceSettings, DEFAULT_IMPORT_MAPPING } from './settings.service.js';
export { receivableInvoicing, contractInvoicing } from './figures.service.js';
export { invoiceError } from './invoices.errors.js';
// - chineseCapital: an amount in Chinese capitals (壹仟贰佰叁拾肆元伍角整), for other areas' PDFs (quotes).
export { chineseCapital } from './invoice.pdf.js';
