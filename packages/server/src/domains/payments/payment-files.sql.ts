// Payment receipt file queries only. Rows are append-only for the application role (no UPDATE / DELETE grant).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export interface PaymentFileRow {
  id: string; payment_id: string; file_name: string; content_type: string; size_bytes: number; sha256: string;
  uploaded_by: string | null; uploaded_name: string | null; created_at: string;
}

const fileSelect = sql`f.id, f.payment_id, f.file_name, f.content_type, f.size_bytes, f.sha256, f.uploaded_by, u.name as uploaded_name, f.created_at`;

/** Lock the payment against other uploads (FOR NO KEY UPDATE: write-offs referencing it are not blocked). */
export async function lockPaymentForFiles(tx: Tx, paymentId: string): Promise<void> {
  await sql`select id from payments where id = ${paymentId} for no key update`.execute(tx);
}

export async function filesOf(tx: Tx, paymentId: string): Promise<PaymentFileRow[]> {
  const r = await sql<PaymentFileRow>`select ${fileSelect} from payment_files f left join users u on u.id = f.uploaded_by
    where f.payment_id = ${paymentId} order by f.created_at, f.id`.execute(tx);
  return r.rows;
}

export async function fileWithContent(tx: Tx, paymentId: string, fileId: string): Promise<(PaymentFileRow & { content: Buffer }) | undefined> {
  const r = await sql<PaymentFileRow & { content: Buffer }>`select ${fileSelect}, f.content from payment_files f left join users u on u.id = f.uploaded_by
    where f.id = ${fileId} and f.payment_id = ${paymentId}`.execute(tx);
  return r.rows[0];
}

export async function insertFile(tx: Tx, f: {
  tenantId: string; paymentId: string; name: string; contentType: string; content: Buffer; sha256: string; userId: string | null;
}): Promise<string> {
  const r = await sql<{ id: string }>`insert into payment_files (tenant_id, payment_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
    values (${f.tenantId}, ${f.paymentId}, ${f.name}, ${f.contentType}, ${f.content.length}, ${f.sha256}, ${f.content}, ${f.userId})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}
