import { z } from 'zod';
import { Text } from './common.js';
import { ROLES } from '../permissions.js';

export const LoginRequest = z.object({
  email: Text.trim().toLowerCase().email(),
  password: Text.min(1).max(200),
  tenant: Text.trim().max(60).optional(),
}).meta({ examples: [{ email: 'zhou.jing@demo.l2c.cn', password: 'demo1234' }] });
export const UserSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  teamId: z.string().nullable(),
  locale: z.string(),
});
export type User = z.infer<typeof UserSchema>;
export const LoginResponse = z.object({ token: z.string(), csrfToken: z.string(), user: UserSchema });

export const ApiTokenCreate = z.object({
  name: Text.trim().min(1).max(80),
  expiresInDays: z.number().int().min(1).max(3650).default(365),
});
export const ApiTokenSchema = z.object({
  id: z.string(), name: z.string(), createdAt: z.string(), expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(),
});
export const ApiTokenCreated = ApiTokenSchema.extend({ token: z.string() });
