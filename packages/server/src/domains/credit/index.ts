// credit: what a customer may still owe us. It offers
// - lockCustomer: the customer money lock every money write takes first (docs/adr/0004-lock-order.md, step 2);
// - creditPosition: limit, open, committed and available = limit − open − committed (computed here only), optionally
//   under the credit profile's row lock for a transaction that commits an amount;
// - setCreditProfile: limit, payment term and risk level, audited;
// - flagOverdueCustomers: the overdue run's "more than N days past due → high risk".
// It owns credit_profiles (tables.ts) and reads receivables and contracts read-only for the exposure sum.
export { lockCustomer, creditPosition, setCreditProfile, flagOverdueCustomers, type CreditPosition, type CreditProfileInput, type PositionOptions, type RiskLevel } from './credit.service.js';
