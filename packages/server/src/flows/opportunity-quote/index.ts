// flows/opportunity-quote: an open opportunity becomes a draft quote (quotes' createQuoteTx, priced at once) for its
// customer with its lines, and the quote keeps the opportunity — accepting it later wins the opportunity and links the
// order contract (flows/quote-acceptance). Offers opportunityQuoteRoutes (POST /opportunities/{id}/quotes).
export { opportunityQuoteRoutes } from './opportunity-quote.routes.js';
export { quoteOpportunity } from './opportunity-quote.flow.js';
