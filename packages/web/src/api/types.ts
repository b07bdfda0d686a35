// Types of the API payloads, taken from the shared zod contracts so web and server cannot drift apart; request bodies
// are spelled out (CustomerFields, ContractFields, …). CRM first, then contract-to-cash.
import type {
  Action, ApiTokenCreated as ApiTokenCreatedSchema, ApiTokenSchema, AuditEntrySchema, ContactSchema, Customer,
  DataScope, DuplicateCandidate as DuplicateCandidateSchema, FollowUpSchema, ImportReport as ImportReportSchema,
  Resource, Role, User,
} from '@l2c/shared';
import type {
  AccountEntrySchema, AgingReport as AgingReportSchema, AgingTrend as AgingTrendSchema, AllocationSchema,
  AmendmentSchema, ApprovalInboxItem as ApprovalInboxItemSchema, ApprovalRequestSchema, ComplianceSchema, ContractAlertSchema,
  ContractSchema, ContractSubmitResult as ContractSubmitResultSchema, ContractSummarySchema, CustomerAccounts as CustomerAccountsSchema,
  DsoReport as DsoReportSchema, NotificationSchema, OpenReceivableSchema, PaymentSchema, ReceivableSchema,
  Statement as StatementSchema, TopOverdueCustomers as TopOverdueSchema, WriteOffProposal as WriteOffProposalSchema, WriteOffSchema,
} from '@l2c/shared';

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

// ---- contract to cash: contracts, approvals, receivables, payments, write-offs, accounts, collections, notifications
export type ContractSummary = Out<typeof ContractSummarySchema>;
export type Contract = Out<typeof ContractSchema>;
export type ContractLine = Contract['lines'][number];
export type Instalment = Contract['instalments'][number];
export type Compliance = Out<typeof ComplianceSchema>;
export type ComplianceIssue = Compliance['issues'][number];
export type ContractSubmitResult = Out<typeof ContractSubmitResultSchema>;
export type Amendment = Out<typeof AmendmentSchema>;
export type ContractAlert = Out<typeof ContractAlertSchema>;
export type ApprovalRequest = Out<typeof ApprovalRequestSchema>;
export type ApprovalInboxItem = Out<typeof ApprovalInboxItemSchema>;
export type Receivable = Out<typeof ReceivableSchema>;
export type Payment = Out<typeof PaymentSchema>;
export type WriteOff = Out<typeof WriteOffSchema>;
export type Allocation = Out<typeof AllocationSchema>;
export type WriteOffProposal = Out<typeof WriteOffProposalSchema>;
export type AccountEntry = Out<typeof AccountEntrySchema>;
export type CustomerAccounts = Out<typeof CustomerAccountsSchema>;
export type AgingReport = Out<typeof AgingReportSchema>;
export type AgingTrend = Out<typeof AgingTrendSchema>;
export type TopOverdue = Out<typeof TopOverdueSchema>;
export type OpenReceivable = Out<typeof OpenReceivableSchema>;
export type DsoReport = Out<typeof DsoReportSchema>;
export type Statement = Out<typeof StatementSchema>;
export type AppNotification = Out<typeof NotificationSchema>;

export type ContractKind = 'order' | 'framework';
export type InstalmentTrigger = 'date' | 'on_signing' | 'on_delivery' | 'on_acceptance';
export type WriteOffStrategy = 'oldest_due' | 'contract' | 'instalment';
export type AccountName = 'prepaid' | 'rebate' | 'credit';

export interface ContractLineFields {
  /** The catalog SKU; null: a one-off free line. */
  skuId?: string | null;
  productCode: string | null;
  description: string;
  quantity: string;
  unit: string | null;
  unitPrice: string;
  discountRate: string;
  taxRate: string;
}

export interface InstalmentFields {
  trigger: InstalmentTrigger;
  dueDate: string | null;
  dueDaysAfterTrigger: number;
  amount: string | null;
  percent: string | null;
  method: string | null;
  ownerId: string | null;
  milestone: string | null;
}

/** What the contract editor sends (create; an update sends the same plus the version). */
export interface ContractFields {
  kind: ContractKind;
  customerId: string;
  title: string;
  currency: string;
  pricesIncludeTax: boolean;
  paymentTermDays: number;
  deliveryTerms: string | null;
  paymentTerms: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  productScope: string | null;
  rebateTerms: string | null;
  lines: ContractLineFields[];
  instalments: InstalmentFields[];
}

export interface AmendmentFields {
  reason: string;
  lines?: ContractLineFields[];
  instalments?: InstalmentFields[];
  paymentTermDays?: number;
  version: number;
}

export interface Signatory { name: string; party: 'customer' | 'company'; title: string | null }

export interface ContractFilters { q?: string; status?: string; kind?: string; customerId?: string; ownerId?: string; sort?: string }

export interface ReceivableFilters {
  customerId?: string; contractId?: string; ownerId?: string; status?: string; kind?: string; overdue?: string;
  dueFrom?: string; dueTo?: string; sort?: string;
}

export interface PaymentFilters { q?: string; customerId?: string; status?: string; unapplied?: string; sort?: string }

export interface PaymentFields {
  customerId: string;
  amount: string;
  currency: string;
  receivedOn: string;
  method: string;
  payerName: string | null;
  payerAccount: string | null;
  bankReference: string | null;
  remark: string | null;
  confirm: boolean;
  autoApply: WriteOffStrategy | null;
}

export type AllocationSourceFields =
  | { type: 'payment'; paymentId: string }
  | { type: 'credit_note'; creditNoteId: string }
  | { type: 'rebate' };

export interface WriteOffFields {
  customerId: string;
  appliedOn?: string;
  memo: string | null;
  lines: Array<{ receivableId: string; source: AllocationSourceFields; amount: string }>;
}

export interface AgingParams { asOf?: string; groupBy?: string; buckets?: string; currency?: string }
