// Administration (admins): users and their invitation / reset links, sessions and tokens; teams; the company profile;
// credit limits (a customer's position and limit, the tenant's default per grade). Writes are audited by the server.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { auditKeys } from './audit';
import { accountKeys } from './keys';
import { usePagedQuery, useApiMutation, type ErrorHandling } from './query';
import type { Page } from './types';

const enc = encodeURIComponent;

export type Role = 'admin' | 'sales_manager' | 'sales_rep' | 'finance' | 'marketer' | 'executive';
export interface AdminUser { id: string; name: string; email: string; role: Role; teamId: string | null; teamName: string | null; active: boolean; invited: boolean; version: number }
export interface PasswordLink { purpose: 'invite' | 'reset'; token: string; linkPath: string; expiresAt: string }
export interface UserToken { id: string; kind: 'session' | 'api'; name: string | null; createdAt: string; expiresAt: string | null; lastUsedAt: string | null }
export interface Team { id: string; name: string; parentId: string | null; managerId: string | null }
export interface NewUser { email: string; name: string; role: Role; teamId: string | null; password?: string; locale: 'zh-CN' | 'en' }
export interface CompanyProfile {
  legalName: string; taxpayerId: string | null; address: string | null; phone: string | null;
  bankAccounts: Array<{ bank: string; accountName: string; accountNumber: string }>; logo: string | null;
}
export type Grade = 'A' | 'B' | 'C' | 'D';
export interface CreditDefaults { defaultLimits: Record<Grade, string | null> }
export interface CreditPosition {
  customerId: string; customerName: string; grade: string | null; currency: string;
  limit: string; open: string; committed: string; available: string; limitSource: 'profile' | 'grade_default'; gradeDefault: string | null;
  paymentTermDays: number; riskLevel: string; onHold: boolean; holdReason: string | null;
}
export interface PoolRules { reclaimDays: number; claimDailyCap: number }
export interface CreditProfileInput { creditLimit: string; paymentTermDays: number; riskLevel: 'low' | 'normal' | 'high' }

export const admin = {
  users: (q: string | undefined, cursor?: string) => api<Page<AdminUser>>('/users', { query: { q, limit: 50, cursor } }),
  createUser: (u: NewUser) => api<AdminUser & { invite: PasswordLink | null }>('/users', { method: 'POST', body: u }),
  updateUser: (id: string, patch: Partial<Pick<AdminUser, 'name' | 'role' | 'teamId' | 'active'>> & { version: number }) =>
    api<AdminUser>(`/users/${enc(id)}`, { method: 'PATCH', body: patch }),
  passwordLink: (id: string, purpose: 'invite' | 'reset') => api<PasswordLink>(`/users/${enc(id)}/password-link`, { method: 'POST', body: { purpose } }),
  tokens: (id: string) => api<{ items: UserToken[] }>(`/users/${enc(id)}/tokens`),
  revokeToken: (id: string, tokenId: string) => api<void>(`/users/${enc(id)}/tokens/${enc(tokenId)}`, { method: 'DELETE' }),
  teams: () => api<{ items: Team[] }>('/teams'),
  createTeam: (t: Omit<Team, 'id'>) => api<Team>('/teams', { method: 'POST', body: t }),
  updateTeam: (id: string, t: Partial<Omit<Team, 'id'>>) => api<Team>(`/teams/${enc(id)}`, { method: 'PATCH', body: t }),
  company: () => api<CompanyProfile>('/settings/company'),
  saveCompany: (p: CompanyProfile) => api<CompanyProfile>('/settings/company', { method: 'PUT', body: p }),
  creditDefaults: () => api<CreditDefaults>('/settings/credit'),
  saveCreditDefaults: (d: CreditDefaults) => api<CreditDefaults>('/settings/credit', { method: 'PUT', body: d }),
  poolRules: () => api<PoolRules>('/settings/pool'),
  savePoolRules: (r: PoolRules) => api<PoolRules>('/settings/pool', { method: 'PUT', body: r }),
  creditPosition: (customerId: string) => api<CreditPosition>(`/customers/${enc(customerId)}/credit-position`),
  setCreditProfile: (customerId: string, p: CreditProfileInput) => api<void>(`/customers/${enc(customerId)}/credit-profile`, { method: 'PUT', body: p }),
};

// The public side of a link: no session.
export const passwordLinks = {
  inspect: (token: string) => api<{ purpose: 'invite' | 'reset'; email: string; name: string; tenantName: string; tenant: string; expiresAt: string }>(
    '/auth/password-link/inspect', { method: 'POST', body: { token }, skipAuthRedirect: true }),
  use: (token: string, password: string) => api<{ email: string; tenant: string }>('/auth/password-link', { method: 'POST', body: { token, password }, skipAuthRedirect: true }),
};

export const adminKeys = {
  users: ['admin', 'users'] as const,
  userList: (q: string) => ['admin', 'users', q] as const,
  tokens: (id: string) => ['admin', 'users', id, 'tokens'] as const,
  teams: ['admin', 'teams'] as const,
  company: ['admin', 'company'] as const,
  creditDefaults: ['admin', 'credit-defaults'] as const,
  pool: ['admin', 'pool-rules'] as const,
  creditPosition: (id: string) => ['admin', 'credit-position', id] as const,
  link: (token: string) => ['password-link', token] as const,
};

export function useAdminUsers(q: string) {
  return usePagedQuery(adminKeys.userList(q), (cursor) => admin.users(q || undefined, cursor));
}
export function useUserTokens(id: string | null) {
  return useQuery({ queryKey: adminKeys.tokens(id ?? ''), queryFn: () => admin.tokens(id!), enabled: !!id });
}
export function useTeams() {
  return useQuery({ queryKey: adminKeys.teams, queryFn: admin.teams, staleTime: 30_000 });
}
export function useCompanyProfile() {
  return useQuery({ queryKey: adminKeys.company, queryFn: admin.company });
}
export function useCreditDefaults(enabled = true) {
  return useQuery({ queryKey: adminKeys.creditDefaults, queryFn: admin.creditDefaults, enabled });
}
export function useCreditPosition(customerId: string | null) {
  return useQuery({ queryKey: adminKeys.creditPosition(customerId ?? ''), queryFn: () => admin.creditPosition(customerId!), enabled: !!customerId });
}
export function usePasswordLink(token: string) {
  return useQuery({ queryKey: adminKeys.link(token), queryFn: () => passwordLinks.inspect(token), enabled: token.length > 0, retry: false });
}

export function useCreateUserMutation(handling?: ErrorHandling<NewUser>) {
  return useApiMutation({ mutationFn: admin.createUser, invalidates: () => [adminKeys.users, auditKeys.all] }, handling);
}
export function useUpdateUserMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, ...patch }: { id: string; version: number } & Partial<Pick<AdminUser, 'name' | 'role' | 'teamId' | 'active'>>) => admin.updateUser(id, patch),
    invalidates: () => [adminKeys.users, auditKeys.all],
  }, handling);
}
export function usePasswordLinkMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, purpose }: { id: string; purpose: 'invite' | 'reset' }) => admin.passwordLink(id, purpose),
    invalidates: (_d, v) => [adminKeys.users, adminKeys.tokens(v.id), auditKeys.all],
  }, handling);
}
export function useRevokeUserTokenMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, tokenId }: { id: string; tokenId: string }) => admin.revokeToken(id, tokenId),
    invalidates: (_d, v) => [adminKeys.tokens(v.id), auditKeys.all],
  }, handling);
}
export function useSaveTeamMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, ...team }: Partial<Team> & { name: string }) => (id ? admin.updateTeam(id, team) : admin.createTeam({ parentId: null, managerId: null, ...team })),
    invalidates: () => [adminKeys.teams, auditKeys.all],
  }, handling);
}
export function useMoveTeamMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, parentId }: { id: string; parentId: string | null }) => admin.updateTeam(id, { parentId }),
    invalidates: () => [adminKeys.teams, auditKeys.all],
  }, handling);
}
export function useSaveCompanyMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: admin.saveCompany, invalidates: () => [adminKeys.company, auditKeys.all] }, handling);
}
export function useSaveCreditDefaultsMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: admin.saveCreditDefaults, invalidates: () => [adminKeys.creditDefaults, ['admin', 'credit-position'], auditKeys.all] }, handling);
}
export function useSetCreditProfileMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ customerId, ...p }: CreditProfileInput & { customerId: string }) => admin.setCreditProfile(customerId, p),
    invalidates: (_d, v) => [adminKeys.creditPosition(v.customerId), accountKeys.all, auditKeys.all],
  }, handling);
}
export function useSetPasswordMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: ({ token, password }: { token: string; password: string }) => passwordLinks.use(token, password) }, handling);
}
export function usePoolRules() {
  return useQuery({ queryKey: adminKeys.pool, queryFn: admin.poolRules });
}
export function useSavePoolRulesMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: admin.savePoolRules, invalidates: () => [adminKeys.pool, auditKeys.all] }, handling);
}
