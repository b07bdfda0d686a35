// Tables customers owns. customers is joined read-only by the money domains for the name and the data-scope owner.
import type { OwnedTables } from '../../platform/ownership.js';

const nameAndOwner = 'the customer name and the owner its data scope follows';
export const ownedTables: OwnedTables = {
  customers: {
    readers: {
      'domains/workspace': 'customer names beside the home pages\' to-dos, and the owner for the data scope',
      'domains/contracts': nameAndOwner, 'domains/receivables': nameAndOwner, 'domains/payments': nameAndOwner,
      'domains/collections': 'names and owners on aging, statements and overdue notices', 'flows/write-off': nameAndOwner,
      'domains/bank-statements': 'the customer a bank line was booked to and the owner its data scope follows',
      'flows/bank-reconciliation': 'payer names matched against customer names (normalised), and the claiming rep\'s data scope',
      'domains/credit': 'the customer money lock (lockCustomer: SELECT … FOR NO KEY UPDATE, no write) and the assessed customer\'s owner for the data scope',
      'domains/dunning': 'names, grades and owners of the customers it chases (policy choice, data scope, worklist)',
      'domains/invoices': 'the buyer (name, unified social credit code as taxpayer id) and the owner its data scope follows',
      'domains/pricing': 'the buyer a price is for: grade and region (price-book scope) and the owner its data scope follows', 'domains/quotes': nameAndOwner,
      'domains/campaigns': 'the customer name beside a contact who is a campaign member',
      'domains/dedup': 'matching keys (company key and block, credit code, phone key) of customers a candidate may duplicate, and the owner its data scope follows',
      'domains/scoring': 'customers with confirmed payments for the RFM job, and the owner the RFM\'s data scope follows (the receivables\' rule)',
      'domains/opportunities': 'the customer an opportunity is sold to: name, and whether the seller may see it (owner or pool)',
      'domains/visits': 'the visited customer: name, address and owner for the data scope of visit plans',
      'domains/key-accounts': 'the parent/subsidiary tree (parent_id) with names, grades and owners',
    },
  },
  contacts: { readers: { 'domains/campaigns': 'a contact invited to a campaign: does it exist, its name on the member list', 'domains/opportunities': 'the contact of an opportunity (must be the customer\'s) and decision-map names for its health', 'domains/visits': 'the contact met on a visit (must be the customer\'s)', 'domains/key-accounts': 'the contacts of a decision map: names, titles, decision roles', 'domains/workspace': 'a customer\'s contacts whose audit entries join its timeline, contact names in audit references', 'domains/dunning': 'the address dunning mail to the customer goes to (primary contact first)', 'domains/dedup': 'phone and e-mail keys of contacts a candidate may duplicate' } },
  followups: { readers: { 'domains/workspace': 'follow-ups whose next step is due, on the sales home page; follow-ups on the customer timeline' } },
  pool_events: {},
};
