// Sessions' and API tokens' use, as the platform's authenticate needs it (app.ts passes touchToken in).
import type { Kdb } from '../../platform/db.js';
import * as q from './identity.sql.js';

/** Note that a token was used now: at most once a minute per token, outside any transaction (see platform/auth.ts). */
export async function touchToken(db: Kdb, tenantId: string, tokenId: string): Promise<void> {
  await q.touchToken(db, tenantId, tokenId);
}
