// Customer accounts 客户账户: the balances (prepaid, rebate, credit) and the entries of one account.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { accountKeys } from './keys';
import type { AccountEntry, AccountName, CustomerAccounts } from './types';

export { accountKeys };

const enc = encodeURIComponent;

export const accounts = {
  get: (customerId: string) => api<CustomerAccounts>(`/customers/${enc(customerId)}/accounts`),
  entries: (customerId: string, account: AccountName, from?: string, to?: string) =>
    api<{ items: AccountEntry[] }>(`/customers/${enc(customerId)}/accounts/${account}/entries`, { query: { from, to } }),
};

export function useCustomerAccounts(customerId: string | null, enabled = true) {
  return useQuery({ queryKey: accountKeys.summary(customerId ?? ''), queryFn: () => accounts.get(customerId!), enabled: !!customerId && enabled });
}

export function useAccountEntries(customerId: string, account: AccountName) {
  return useQuery({ queryKey: accountKeys.entries(customerId, account), queryFn: () => accounts.entries(customerId, account) });
}
