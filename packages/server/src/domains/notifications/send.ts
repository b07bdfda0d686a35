// Sending one notice to one user, in that user's language. Senders give the text in every language we speak; the
// recipient's locale (users.locale) picks one at insert time, so a notice reads the same however often it is opened.
import type { RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';
import { insertFrom, insertNotice, markReadByKeyPrefix } from './notifications.sql.js';

export interface NoticeText { title: string; body: string | null }
export interface Notice {
  userId: string;
  kind: string;
  text: { 'zh-CN': NoticeText; en: NoticeText };
  entityType: string | null;
  entityId: string | null;
  /** One notice per (user, key): a repeat — a rerun job, a second server — is a no-op. */
  dedupeKey: string;
}

/** Insert the notice unless the user already has one with that key or is inactive; true when it is new. */
export async function sendNotice(tx: Tx, tenantId: string, n: Notice): Promise<boolean> {
  return insertNotice(tx, tenantId, { ...n, zh: n.text['zh-CN'], en: n.text.en });
}

/**
 * Many notices at once, from a query (set-based senders such as the overdue run): `source` selects user_id, kind,
 * title, body, entity_type, entity_id and dedupe_key; a notice whose dedupe key the user already has is skipped.
 * Returns how many were sent.
 */
export async function sendNoticesFrom(tx: Tx, tenantId: string, source: RawBuilder<unknown>): Promise<number> {
  return insertFrom(tx, tenantId, source);
}

/**
 * Settle the notices that asked for something no longer asked (an approval withdrawn by its submitter): every unread
 * notice whose dedupe key starts with `keyPrefix` is marked read, so it leaves the bell's count. The notice stays in
 * the list (it was sent). Returns how many were settled.
 */
export async function settleNotices(tx: Tx, keyPrefix: string): Promise<number> {
  return markReadByKeyPrefix(tx, keyPrefix);
}
