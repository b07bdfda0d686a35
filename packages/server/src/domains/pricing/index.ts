// pricing: price books, promotions with stacking groups and budgets, surcharges, margin floors and rebate policies —
// the database side of the pure engine in @l2c/shared/pricing (docs/pricing.md). It offers
// - pricingRoutes: the rules' admin API and the "try a price" sandbox;
// - priceTx: price lines for a customer without keeping anything;
// - priceAndReserveTx / releaseReservationsTx / consumeReservationsTx: a quote version's budget reservation under the
//   budget rows' lock, its release (reversing facts) and its consumption on acceptance (idempotent).
// It owns price_books, price_book_entries, price_surcharges, margin_floors, promotions, promotion_budgets,
// promotion_budget_facts and rebate_policies (tables.ts).
export { pricingRoutes } from './pricing.routes.js';
export { priceTx, priceAndReserveTx, releaseReservationsTx, consumeReservationsTx, type LineToPrice, type PriceRequest, type Priced } from './price.service.js';
export { pricingError } from './pricing.errors.js';
// - createBook / addEntries / createBudget / createPromotion / putSettings: the rules as the admin API writes them (the demo).
export { createBook, addEntries, createBudget, createPromotion, putSettings } from './pricing.service.js';
