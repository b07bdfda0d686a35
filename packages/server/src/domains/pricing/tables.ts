// Tables pricing owns: price books and entries, surcharges, margin floors, promotions, their budgets and the budget
// facts (reserve / release / consume, written only through price.service.ts), rebate policies.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  price_books: {},
  price_book_entries: {},
  price_surcharges: {},
  margin_floors: {},
  promotions: {},
  promotion_budgets: {},
  promotion_budget_facts: {},
  rebate_policies: {},
};
