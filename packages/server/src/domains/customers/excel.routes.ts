import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
export function customersExcelRoutes(_app: App, _db: Db) {}
