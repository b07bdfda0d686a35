// The pricing engine (issue 11 item 2): pure and deterministic, no database. See docs/pricing.md.
export * from './types.js';
export { priceQuote, type PriceOptions } from './engine.js';
export { indexRules, type RuleIndex } from './lookup.js';
export { specificity, tieredAmount } from './resolve.js';
