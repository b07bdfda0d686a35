export * from './money.js';
export * from './credit-code.js';
export * from './permissions.js';
export * from './problem.js';
export * from './contracts/common.js';
export * from './contracts/auth.js';
export * from './contracts/customers.js';
export * from './contracts/audit.js';
