// Contracts 合同: list and alerts, one contract with its approvals, amendments and compliance check; create/update a
// draft, submit it for approval, sign, record deliveries, amend, change status; download the signed file.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { auditKeys } from './audit';
import { api, download, isApiError } from './client';
import { approvalKeys, contractKeys, receivableKeys } from './keys';
import { PAGE_SIZE, useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type {
  Amendment, AmendmentFields, ApprovalRequest, Compliance, Contract, ContractAlert, ContractFields, ContractFilters,
  ContractSubmitResult, ContractSummary, Page, Signatory,
} from './types';

export { contractKeys };

const enc = encodeURIComponent;

export const contracts = {
  list: (filters: ContractFilters, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<ContractSummary>>('/contracts', { query: { ...filters, limit, cursor } }),
  get: (id: string) => api<Contract>(`/contracts/${enc(id)}`),
  create: (body: ContractFields) => api<Contract>('/contracts', { method: 'POST', body }),
  update: (id: string, body: Partial<ContractFields> & { version: number }) =>
    api<Contract>(`/contracts/${enc(id)}`, { method: 'PATCH', body }),
  compliance: (id: string) => api<Compliance>(`/contracts/${enc(id)}/compliance`),
  submit: (id: string, version: number) =>
    api<ContractSubmitResult>(`/contracts/${enc(id)}/submit`, { method: 'POST', body: { version } }),
  sign: (id: string, body: { signedOn: string; signatories: Signatory[]; version: number; file: File }) => {
    const form = new FormData();
    form.append('signedOn', body.signedOn);
    form.append('signatories', JSON.stringify(body.signatories));
    form.append('version', String(body.version));
    form.append('file', body.file, body.file.name);
    return api<Contract>(`/contracts/${enc(id)}/sign`, { method: 'POST', body: form });
  },
  signedFile: (id: string) => download(`/contracts/${enc(id)}/file`, undefined, 'contract.pdf'),
  transition: (id: string, status: 'in_performance' | 'completed' | 'terminated', reason: string | null, version: number) =>
    api<Contract>(`/contracts/${enc(id)}/status`, { method: 'POST', body: { status, reason, version } }),
  deliver: (id: string, body: { instalmentId?: string | null; milestone?: string | null; deliveredOn?: string }) =>
    api<Contract>(`/contracts/${enc(id)}/deliveries`, { method: 'POST', body }),
  approvals: (id: string) => api<{ items: ApprovalRequest[] }>(`/contracts/${enc(id)}/approvals`),
  amendments: (id: string) => api<{ items: Amendment[] }>(`/contracts/${enc(id)}/amendments`),
  amend: (id: string, body: AmendmentFields) => api<Amendment>(`/contracts/${enc(id)}/amendments`, { method: 'POST', body }),
  alerts: () => api<{ items: ContractAlert[]; asOf: string }>('/contracts/alerts'),
};

export function useContractList(filters: ContractFilters) {
  return usePagedQuery(contractKeys.list(filters), (cursor) => contracts.list(filters, cursor));
}

/** Up to 100 contracts of a customer (the workbench's "by contract" strategy). */
export function useCustomerContracts(customerId: string | null, enabled = true) {
  const filters = { customerId: customerId ?? undefined };
  return useQuery({
    queryKey: contractKeys.list(filters, 100), queryFn: () => contracts.list(filters, undefined, 100), enabled: !!customerId && enabled,
  });
}

export function useContractAlerts() {
  return useQuery({ queryKey: contractKeys.alerts(), queryFn: contracts.alerts, staleTime: 60_000 });
}

export function useContract(id: string | undefined, options: { staleTime?: number } = {}) {
  return useQuery({ queryKey: contractKeys.detail(id ?? ''), queryFn: () => contracts.get(id!), enabled: !!id, staleTime: options.staleTime });
}

export function useContractApprovals(id: string, enabled: boolean) {
  return useQuery({ queryKey: contractKeys.approvals(id), queryFn: () => contracts.approvals(id), enabled });
}

export function useContractAmendments(id: string, enabled: boolean) {
  return useQuery({ queryKey: contractKeys.amendments(id), queryFn: () => contracts.amendments(id), enabled });
}

/** The compliance check of a draft, per version (a saved change asks again). */
export function useContractCompliance(id: string, version: number | undefined, enabled: boolean) {
  return useQuery({ queryKey: contractKeys.compliance(id, version), queryFn: () => contracts.compliance(id), enabled });
}

/** What a contract write changes: the contract and its lists, its receivables, the approval inbox, history. */
const contractChanged = (id: string) => [contractKeys.all, receivableKeys.list({ contractId: id, sort: 'dueDate' }, 200), approvalKeys.all, auditKeys.all];

const putContract = (client: ReturnType<typeof useQueryClient>, c: Contract | undefined) => {
  if (c) client.setQueryData(contractKeys.detail(c.id), c);
};

/** A submission the compliance check refused, with the findings (null when they could not be loaded). */
export class ComplianceRefusal extends Error {
  constructor(
    readonly contractId: string, readonly compliance: Compliance | null, readonly errors: Array<{ path: string; message: string }>,
  ) {
    super('contracts.compliance_failed');
  }
}

/** A compliance refusal becomes ComplianceRefusal with the findings; any other error stays as it is. */
async function refusalOf(e: unknown, id: string): Promise<unknown> {
  if (!isApiError(e) || e.code !== 'contracts.compliance_failed') return e;
  return new ComplianceRefusal(id, await contracts.compliance(id).catch(() => null), e.errors);
}

/**
 * Save a draft (create or update) and, with `andSubmit`, submit it. The save lands in the cache even when the submit
 * fails; a compliance refusal comes back as ComplianceRefusal (naming the saved draft, new or not).
 */
export function useSaveContractMutation(handling?: ErrorHandling<SaveContract>) {
  const client = useQueryClient();
  return useApiMutation({
    mutationFn: async ({ original, fields, andSubmit }: SaveContract) => {
      const saved = original ? await contracts.update(original.id, { ...fields, version: original.version }) : await contracts.create(fields);
      putContract(client, saved);
      void client.invalidateQueries({ queryKey: contractKeys.lists() });
      if (!andSubmit) return { contract: saved, approval: null };
      try {
        return await contracts.submit(saved.id, saved.version);
      } catch (e) {
        throw await refusalOf(e, saved.id);
      }
    },
    update: (c, r) => putContract(c, r.contract),
    invalidates: (r) => contractChanged(r.contract.id),
  }, handling);
}
export interface SaveContract { original: Contract | undefined; fields: ContractFields; andSubmit: boolean }

/** Submit a draft as it is; a compliance refusal comes back as ComplianceRefusal. */
export function useSubmitContractMutation(handling?: ErrorHandling<Contract>) {
  return useApiMutation({
    mutationFn: async (c: Contract) => {
      try {
        return await contracts.submit(c.id, c.version);
      } catch (e) {
        throw await refusalOf(e, c.id);
      }
    },
    update: (client, r) => putContract(client, r.contract),
    invalidates: (r) => contractChanged(r.contract.id),
  }, handling);
}

export function useContractStatusMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ contract, status, reason }: { contract: Contract; status: 'in_performance' | 'completed' | 'terminated'; reason: string | null }) =>
      contracts.transition(contract.id, status, reason, contract.version),
    update: putContract,
    invalidates: (c) => contractChanged(c.id),
  }, handling);
}

export function useSignContractMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ contract, ...body }: { contract: Contract; signedOn: string; signatories: Signatory[]; file: File }) =>
      contracts.sign(contract.id, { ...body, version: contract.version }),
    update: putContract,
    invalidates: (c) => contractChanged(c.id),
  }, handling);
}

export function useDeliverContractMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, ...body }: { id: string; instalmentId?: string | null; deliveredOn?: string }) => contracts.deliver(id, body),
    update: putContract,
    invalidates: (c) => contractChanged(c.id),
  }, handling);
}

export function useAmendContractMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, body }: { id: string; body: AmendmentFields }) => contracts.amend(id, body),
    invalidates: (_a, v) => contractChanged(v.id),
  }, handling);
}

export function useDownloadSignedFileMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: (id: string) => contracts.signedFile(id) }, handling);
}
