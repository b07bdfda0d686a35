// identity: tenants' users, roles, teams, sessions and API tokens. It offers
// - identityRoutes: login, logout, /me, users, teams, API tokens;
// - login, hashPassword / verifyPassword: for the demo bootstrap and tests;
// - touchToken: the last-use touch the platform's authenticate calls (app.ts passes it in).
// It owns users, teams and auth_tokens (tables.ts); others join users and teams read-only for names and scope.
export { identityRoutes } from './identity.routes.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { login, MAX_FAILED_LOGINS } from './identity.service.js';
export { touchToken } from './tokens.service.js';
export { createFirstAdminTx, updateUser, createTeam, updateTeam } from './users.service.js';
export { createUser } from './identity.service.js';
