import { defineErrors } from '../../platform/errors.js';

export const identityError = defineErrors('identity', {
  bad_credentials: [401, 'Wrong email or password'],
  locked: [423, 'Too many failed logins; the account is locked for a while'],
  tenant_required: [400, 'This email belongs to several companies; name the tenant'],
  email_taken: [409, 'A user with this email already exists'],
  team_not_found: [400, 'No such team'],
  team_name_taken: [409, 'A team with this name exists'],
  token_not_found: [404, 'No such API token'],
  link_invalid: [404, 'This link was used already or has expired; ask your admin for a new one'],
});
