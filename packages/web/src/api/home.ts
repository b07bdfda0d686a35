// The home page by role (GET /home): money figures and the to-do list, each item with the path of its record.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export interface Sum { count: number; amount: string }
export interface Period { contracted: string; invoiced: string; collected: string }
export interface HomeTodo {
  kind: 'overdue_receivable' | 'due_receivable' | 'contract_in_approval' | 'follow_up' | 'payment_to_confirm' | 'unapplied_payment' | 'bad_debt_request';
  id: string; number: string | null; title: string; amount: string | null; date: string | null; link: string;
}
export interface Home {
  today: string; currency: string; role: string;
  sales: { dueThisWeek: Sum; overdue: Sum; contractsInApproval: number; followUpsDue: number } | null;
  team: { dueThisMonth: string; collectedOfDueThisMonth: string; collectionRate: string | null; overdueByOwner: Array<{ ownerId: string | null; ownerName: string | null; count: number; amount: string }> } | null;
  finance: { paymentsToConfirm: Sum; unapplied: Sum; badDebtRequests: Sum; arOpen: string; dsoDays: number | null } | null;
  executive: { month: Period; monthLastYear: Period; year: Period; yearLastYear: Period } | null;
  todo: HomeTodo[];
}

export const homeKeys = { home: ['home'] as const };

export function useHome() {
  // always fresh when the page opens: the figures move with every confirmation and write-off done elsewhere
  return useQuery({ queryKey: homeKeys.home, queryFn: () => api<Home>('/home'), staleTime: 0 });
}
