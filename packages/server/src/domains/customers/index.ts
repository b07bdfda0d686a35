// customers: accounts, contacts, follow-ups, the public pool, Excel import/export.
export { customersRoutes } from './customers.routes.js';
export { customersExcelRoutes } from './excel.routes.js';
export { customerSettingsRoutes } from './settings.routes.js';
export { canSeeCustomer, createCustomer, listCustomers, getCustomer } from './customers.service.js';
export { reclaimStaleCustomers, DEFAULT_POOL_SETTINGS } from './pool.service.js';
export { nameKey } from './name-key.js';
