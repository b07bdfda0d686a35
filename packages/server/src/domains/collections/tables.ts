// collections owns no tables: it reads receivables, payments and their neighbours read-only for its reports and asks
// receivables (markOverdue) and credit (flagHighRisk) for the writes of its overdue run.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {};
