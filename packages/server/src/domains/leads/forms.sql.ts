// Lead forms: statements only. The public submission finds its form by key as the owner role (the key says which
// tenant it is; no session does), every other statement runs in the tenant's transaction.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export interface FormRow {
  id: string; key: string; name: string; campaign_id: string | null; campaign_name: string | null; allowed_origins: string[];
  fields: string[]; consent_text: string; active: boolean; submissions: number; version: number; created_at: string;
}
const select = sql`f.id, f.key, f.name, f.campaign_id, c.name as campaign_name, f.allowed_origins, f.fields, f.consent_text, f.active,
  f.submissions, f.version, f.created_at`;

export async function listForms(tx: Tx): Promise<FormRow[]> {
  const r = await sql<FormRow>`select ${select} from lead_forms f left join campaigns c on c.id = f.campaign_id order by f.created_at desc, f.id`.execute(tx);
  return r.rows;
}

export async function findForm(tx: Tx, id: string, forUpdate = false): Promise<FormRow | undefined> {
  const r = await sql<FormRow>`select ${select} from lead_forms f left join campaigns c on c.id = f.campaign_id where f.id = ${id}
    ${forUpdate ? sql`for update of f` : sql``}`.execute(tx);
  return r.rows[0];
}

/** As the owner role (asSystem): the tenant of a public key. */
export async function findFormByKey(tx: Tx, key: string): Promise<(FormRow & { tenant_id: string; time_zone: string | null }) | undefined> {
  const r = await sql<FormRow & { tenant_id: string; time_zone: string | null }>`select ${select}, f.tenant_id, null::text as time_zone
    from lead_forms f left join campaigns c on c.tenant_id = f.tenant_id and c.id = f.campaign_id where f.key = ${key} limit 1`.execute(tx);
  return r.rows[0];
}

export interface FormWrite { name: string; campaignId: string | null; allowedOrigins: string[]; fields: string[]; consentText: string; active: boolean }

export async function insertForm(tx: Tx, tenantId: string, key: string, createdBy: string, w: FormWrite): Promise<string> {
  const r = await tx.insertInto('lead_forms').values({
    tenant_id: tenantId, key, name: w.name, campaign_id: w.campaignId, allowed_origins: w.allowedOrigins, fields: w.fields,
    consent_text: w.consentText, active: w.active, created_by: createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateForm(tx: Tx, id: string, w: FormWrite) {
  await tx.updateTable('lead_forms').set((eb) => ({
    name: w.name, campaign_id: w.campaignId, allowed_origins: w.allowedOrigins, fields: w.fields, consent_text: w.consentText,
    active: w.active, version: eb('version', '+', 1), updated_at: sql`now()`,
  })).where('id', '=', id).execute();
}

export async function countSubmission(tx: Tx, id: string) {
  await tx.updateTable('lead_forms').set((eb) => ({ submissions: eb('submissions', '+', 1) })).where('id', '=', id).execute();
}
