// Workspace errors: the operator's tenant creation and the company profile.
import { defineErrors } from '../../platform/errors.js';

export const workspaceError = defineErrors('workspace', {
  slug_taken: [409, 'A tenant with this slug already exists; choose another'],
  operator_off: [404, 'Operator routes are off: set L2C_OPERATOR_TOKEN'],
  operator_unauthenticated: [401, 'Send L2C_OPERATOR_TOKEN as a bearer token'],
});
