// Payment receipt file queries only, typed by the schema. Rows are append-only for the application role (no UPDATE / DELETE grant).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';
import type { PaymentFilesTable } from '../../platform/schema.js';

type ContentType = PaymentFilesTable['content_type'];

function selectFile(tx: Tx) {
  return tx.selectFrom('payment_files as f').leftJoin('users as u', 'u.id', 'f.uploaded_by')
    .select(['f.id', 'f.payment_id', 'f.file_name', 'f.content_type', 'f.size_bytes', 'f.sha256', 'f.uploaded_by', 'u.name as uploaded_name', 'f.created_at']);
}

export type PaymentFileRow = Awaited<ReturnType<typeof filesOf>>[number];

/** Lock the payment against other uploads (FOR NO KEY UPDATE: write-offs referencing it are not blocked). */
export async function lockPaymentForFiles(tx: Tx, paymentId: string): Promise<void> {
  await sql`select id from payments where id = ${paymentId} for no key update`.execute(tx);
}

export async function filesOf(tx: Tx, paymentId: string) {
  return selectFile(tx).where('f.payment_id', '=', paymentId).orderBy('f.created_at').orderBy('f.id').execute();
}

export async function fileWithContent(tx: Tx, paymentId: string, fileId: string) {
  return selectFile(tx).select('f.content').where('f.id', '=', fileId).where('f.payment_id', '=', paymentId).executeTakeFirst();
}

export async function insertFile(tx: Tx, f: {
  tenantId: string; paymentId: string; name: string; contentType: ContentType; content: Buffer; sha256: string; userId: string | null;
}): Promise<string> {
  const r = await tx.insertInto('payment_files').values({
    tenant_id: f.tenantId, payment_id: f.paymentId, file_name: f.name, content_type: f.contentType, size_bytes: f.content.length,
    sha256: f.sha256, content: f.content, uploaded_by: f.userId,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
