// Demo webhooks: the company's ERP (金蝶) subscribed to money events — switched off, since the demo has no ERP to
// receive them — so 系统管理 → Webhook shows what a subscription looks like and an admin can point it at a real
// endpoint, send a test event and switch it on. Made through the webhooks domain's own function, audited like the API.
import { sql } from 'kysely';
import { asSystem, type Db } from '../platform/db.js';
import type { AuthContext } from '../platform/auth.js';
import { createDemoSubscription, DEFAULT_WEBHOOK_OPTIONS } from '../domains/webhooks/index.js';

export async function demoWebhooks(db: Db, tenantId: string): Promise<void> {
  const admin = await asSystem(db, async (tx) => (await sql<{ id: string; name: string }>`
    select id, name from users where tenant_id = ${tenantId} and role = 'admin' order by created_at limit 1`.execute(tx)).rows[0]);
  if (!admin) return;
  const auth: AuthContext = {
    tenantId, userId: admin.id, role: 'admin', teamId: null, scope: 'all', name: admin.name, tokenId: '00000000-0000-0000-0000-000000000000',
    via: 'bearer', timeZone: 'Asia/Shanghai', requestId: 'demo',
  };
  await createDemoSubscription(db, auth, {
    url: 'https://erp.example.com/l2c/webhooks', description: '金蝶云星空 ERP：回款、核销、应收（示例，未启用）',
    events: ['payment.confirmed', 'write_off.created', 'write_off.reversed', 'receivable.created', 'receivable.status_changed'], active: false,
  }, DEFAULT_WEBHOOK_OPTIONS);
}
