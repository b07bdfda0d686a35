// quotes: quotes 报价单 with lines from the catalog (bundles configured) or free lines, groups and discounts; each
// change priced once into an immutable version with a content hash; approval bound to that hash; PDF and share links.
// It offers
// - quotesRoutes: the /quotes API and the public side of share links;
// - quoteApprovalHandler: what the approval engine calls on a final decision (app.ts registers it);
// - quoteExpiryJob: open quotes past their date expire and release their budget reservations;
// - lockAcceptableTx / acceptedTx / SnapshotLine: for flows/quote-acceptance, in its transaction;
// - canSeeQuote; createQuote / updateQuote / getQuote / submitQuote / rejectQuote for the demo.
// It owns quotes, quote_lines, quote_versions and quote_share_links (tables.ts).
export { quotesRoutes } from './quotes.routes.js';
export { quoteApprovalHandler, quoteExpiryJob, lockAcceptableTx, acceptedTx, expireQuotes } from './lifecycle.service.js';
export { canSeeQuote, createQuote, createQuoteTx, updateQuote, getQuote } from './quotes.service.js';
export { submitQuote, rejectQuote } from './lifecycle.service.js';
export type { SnapshotLine } from './pricing.js';
export { quoteError } from './quotes.errors.js';
