// Sending one notice to one user, in that user's language. Senders give the text in every language we speak; the
// recipient's locale (users.locale) picks one at insert time, so a notice reads the same however often it is opened.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

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
  const zh = n.text['zh-CN'];
  const en = n.text.en;
  const r = await sql`insert into notifications (tenant_id, user_id, kind, title, body, entity_type, entity_id, dedupe_key)
    select ${tenantId}::uuid, u.id, ${n.kind},
      case when u.locale like 'zh%' then ${zh.title}::text else ${en.title}::text end,
      case when u.locale like 'zh%' then ${zh.body}::text else ${en.body}::text end,
      ${n.entityType}::text, ${n.entityId}::uuid, ${n.dedupeKey}
    from users u where u.id = ${n.userId} and u.active
    on conflict (tenant_id, user_id, dedupe_key) do nothing returning id`.execute(tx);
  return r.rows.length > 0;
}
