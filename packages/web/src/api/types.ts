// Types of the API payloads, taken from the shared zod contracts so web and server cannot drift apart.
import type {
  Action, ApiTokenCreated as ApiTokenCreatedSchema, ApiTokenSchema, AuditEntrySchema, ContactSchema, Customer,
  DataScope, DuplicateCandidate as DuplicateCandidateSchema, FollowUpSchema, ImportReport as ImportReportSchema,
  Resource, Role, User,
} from '@l2c/shared';
export type * from './revenue-types';

type Out<S extends { parse: (value: unknown) => unknown }> = ReturnType<S['parse']>;

export type { Customer, User, Role, Resource, Action, DataScope };
export type Contact = Out<typeof ContactSchema>;
export type FollowUp = Out<typeof FollowUpSchema>;
export type AuditEntry = Out<typeof AuditEntrySchema>;
export type ApiToken = Out<typeof ApiTokenSchema>;
export type ApiTokenCreated = Out<typeof ApiTokenCreatedSchema>;
export type DuplicateCandidate = Out<typeof DuplicateCandidateSchema>;
export type ImportReport = Out<typeof ImportReportSchema>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Me {
  user: User;
  permissions: Partial<Record<string, string[]>>;
  scope: DataScope;
}

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  active: boolean;
}

/** What the customer form sends (create and update). */
export interface CustomerFields {
  name: string;
  creditCode: string | null;
  industry: string | null;
  region: string | null;
  grade: string | null;
  source: string;
  phone: string | null;
  address: string | null;
  website: string | null;
  remark: string | null;
  parentId: string | null;
}

export interface ContactFields {
  name: string;
  title: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  decisionRole: string;
  isPrimary: boolean;
  remark: string | null;
}

export interface FollowUpFields {
  kind: string;
  content: string;
  contactId: string | null;
  nextStep: string | null;
  nextDate: string | null;
}

export interface CustomerFilters {
  q?: string;
  industry?: string;
  region?: string;
  grade?: string;
  source?: string;
  ownerId?: string;
  sort?: string;
}

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}
