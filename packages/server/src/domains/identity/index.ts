// identity: tenants' users, roles, teams, sessions and API tokens.
export { identityRoutes } from './identity.routes.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { login, MAX_FAILED_LOGINS } from './identity.service.js';
export { touchToken } from './identity.sql.js';
