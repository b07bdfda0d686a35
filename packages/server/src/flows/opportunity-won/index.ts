// flows/opportunity-won: winning an opportunity drafts its order contract 订单合同 in the same transaction — the
// customer, the products (one contract line per opportunity line, or one line for the amount) and the amount carried
// over through contracts' createContractTx — and the opportunity keeps the contract's id (campaign ROI follows it to
// the cash collected). Offers opportunityWonRoutes (POST /opportunities/{id}/win).
export { opportunityWonRoutes } from './opportunity-won.routes.js';
export { winOpportunity } from './opportunity-won.service.js';
