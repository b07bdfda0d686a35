// Tables contracts owns. contracts is joined read-only by the money reports for its number and title.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  contracts: {
    readers: {
      'domains/workspace': 'contracts in approval and contracted amounts on the home pages',
      'domains/receivables': 'the contract number on receivable lists', 'domains/collections': 'contract numbers and titles on aging and statements',
      'domains/credit': 'committed credit: signed contracts not yet booked as receivables', 'flows/write-off': 'the contract number on allocation candidates',
      'flows/bank-reconciliation': 'contract numbers named in a bank line\'s remittance text, and signed contracts\' customers',
      'domains/invoices': 'a contract as an invoicing source: number, customer, currency, amount with tax, signed or not',
      'domains/quotes': 'the number of the contract a quote became, and signed order contracts for the price a customer last paid',
      'domains/campaigns': 'the number of the contract a won opportunity became, on the campaign ROI',
    },
  },
  contract_lines: { readers: { 'domains/collections': 'the product lines of the aging report by product', 'domains/quotes': 'the unit price a customer last paid per product code, beside a quote line' } },
  contract_instalments: { readers: { 'flows/write-off': 'the instalment a receivable came from, for allocation order', 'flows/bank-reconciliation': 'instalments not billed yet that a bank line\'s amount equals (money ahead of its trigger)' } },
  contract_amendments: {},
  contract_files: {},
};
