// A customer's contacts: list, add, edit, delete.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { customerKeys } from './customers';
import { useApiMutation, type ErrorHandling } from './query';
import type { Contact, ContactFields } from './types';

const enc = encodeURIComponent;

export const contacts = {
  list: (customerId: string) => api<{ items: Contact[] }>(`/customers/${enc(customerId)}/contacts`),
  create: (customerId: string, body: ContactFields) =>
    api<Contact>(`/customers/${enc(customerId)}/contacts`, { method: 'POST', body }),
  update: (id: string, body: Partial<ContactFields> & { version: number }) =>
    api<Contact>(`/contacts/${enc(id)}`, { method: 'PATCH', body }),
  remove: (id: string) => api<void>(`/contacts/${enc(id)}`, { method: 'DELETE' }),
};

export const contactKeys = {
  ofCustomer: (customerId: string) => [...customerKeys.detail(customerId), 'contacts'] as const,
};

export function useContacts(customerId: string) {
  // no customer picked yet (the visit planner before its customer is chosen): nothing to ask for
  return useQuery({ queryKey: contactKeys.ofCustomer(customerId), queryFn: () => contacts.list(customerId), enabled: customerId !== '' });
}

/** Add (no `id`) or edit (with `id` and `version`; only the changed fields) a contact of `customerId`. */
export function useSaveContactMutation(customerId: string, handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: async (v: { id?: undefined; body: ContactFields } | { id: string; body: Partial<ContactFields>; version: number }) => {
      if (v.id === undefined) return contacts.create(customerId, v.body);
      // nothing changed: no request, the dialog just closes
      if (Object.keys(v.body).length === 0) return undefined;
      return contacts.update(v.id, { ...v.body, version: v.version });
    },
    invalidates: () => [contactKeys.ofCustomer(customerId)],
  }, handling);
}

export function useDeleteContactMutation(customerId: string, handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: (id: string) => contacts.remove(id),
    invalidates: () => [contactKeys.ofCustomer(customerId)],
  }, handling);
}
