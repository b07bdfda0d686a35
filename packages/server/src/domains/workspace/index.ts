// workspace: how a company is set up and run — tenants (the operator's), the company profile and the admin screens'
// composed reads. It offers
// - createTenant: the one way a tenant comes to be (tenant-cli.ts, the operator API, the test harness);
// - operatorRoutes: POST/GET /api/operator/tenants behind L2C_OPERATOR_TOKEN.
// It owns no table (tables.ts): tenants are the platform's, users identity's.
export { createTenant, listTenants, type NewTenant, type CreatedTenant } from './tenants.service.js';
export { operatorRoutes } from './operator.routes.js';
// - companyRoutes: GET/PUT /api/v1/settings/company (the profile itself is read by any area with platform/tenants.ts
//   readCompanyProfile).
export { companyRoutes } from './company.js';
// - homeRoutes: GET /api/v1/home, the role's money figures and to-dos (read-only, home.sql.ts as a declared reader).
export { homeRoutes } from './home.js';
// - numberingRoutes: /api/v1/settings/number-formats, document number formats (stored and applied by the platform).
export { numberingRoutes } from './numbering.routes.js';
// - customer360Routes: GET /api/v1/customers/{id}/summary and /timeline, the customer page's money summary and its one
//   timeline; describeRecordsTx: number and name of records by id (app.ts gives it to the audit query).
export { customer360Routes, describeRecordsTx } from './customer360.js';
