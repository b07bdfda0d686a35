// Types of the contract-to-cash payloads (contracts, approvals, receivables, payments, write-offs, accounts,
// collections, notifications), taken from the shared zod contracts; request bodies are spelled out like CustomerFields.
import type {
  AccountEntrySchema, AgingReport as AgingReportSchema, AgingTrend as AgingTrendSchema, AllocationSchema,
  AmendmentSchema, ApprovalInboxItem as ApprovalInboxItemSchema, ApprovalRequestSchema, ComplianceSchema, ContractAlertSchema,
  ContractSchema, ContractSubmitResult as ContractSubmitResultSchema, ContractSummarySchema, CustomerAccounts as CustomerAccountsSchema,
  DsoReport as DsoReportSchema, NotificationSchema, OpenReceivableSchema, PaymentSchema, ReceivableSchema,
  Statement as StatementSchema, TopOverdueCustomers as TopOverdueSchema, WriteOffProposal as WriteOffProposalSchema, WriteOffSchema,
} from '@l2c/shared';

type Out<S extends { parse: (value: unknown) => unknown }> = ReturnType<S['parse']>;

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
