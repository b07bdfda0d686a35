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
    },
  },
  contacts: { readers: { 'domains/dunning': 'the address dunning mail to the customer goes to (primary contact first)' } },
  followups: { readers: { 'domains/workspace': 'follow-ups whose next step is due, on the sales home page' } },
  pool_events: {},
};
