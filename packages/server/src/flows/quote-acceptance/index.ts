// flows/quote-acceptance: a customer accepts an approved quote → an order contract (contracts' createContractTx) with
// the priced lines carried to the cent, the rebate offset and accrual on the customer's rebate account (payments'
// postAccountEntry) and the promotion budgets consumed (pricing) — one transaction, Idempotency-Key honoured.
export { quoteAcceptanceRoutes } from './acceptance.routes.js';
export { acceptQuote } from './acceptance.flow.js';
