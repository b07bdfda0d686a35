// Invoice settings: the seller 销售方 printed on every invoice — the company profile 公司信息 when it has a taxpayer id,
// else the seller saved here (no invoice is recorded without a taxpayer id) — and the saved column mapping of the tax
// platform's export workbook. No platform file format is assumed: the mapping says where each field is.
import { InvoiceImportMapping, InvoiceSettings, type InvoiceSettings as Settings } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { lockTenantSettings, readCompanyProfile, readTenantSettings, setTenantSettings } from '../../platform/tenants.js';

/**
 * A starting point, not a format: headers as the digital tax platform's 发票查询 export names them in our one look at
 * it; a tenant whose export differs saves its own. The request number is found in the remarks (备注), where the
 * batch-issue workbook put it.
 */
export const DEFAULT_IMPORT_MAPPING: InvoiceImportMapping = {
  headerRow: 1,
  requestNumber: { header: '备注', pattern: '(KP-\\d{4}-\\d{6})' },
  invoiceNumber: { header: '发票号码', pattern: null },
  issueDate: { header: '开票日期', pattern: null },
  amountInclTax: { header: '价税合计', pattern: null },
};

interface Read extends Settings {
  /** Who issued invoices name as seller: the company profile with a taxpayer id, else the seller saved here. */
  effectiveSeller: { name: string; taxpayerId: string | null };
}

export async function readSettings(tx: Tx): Promise<Read> {
  const parsed = InvoiceSettings.partial().safeParse((await readTenantSettings(tx, 'invoicing')) ?? {});
  const v = parsed.success ? parsed.data : {};
  const company = await readCompanyProfile(tx);
  const seller = v.seller ?? null;
  const effectiveSeller = company.taxpayerId ? { name: company.legalName, taxpayerId: company.taxpayerId } : seller ?? { name: company.legalName, taxpayerId: null };
  return { seller, importMapping: v.importMapping ?? null, effectiveSeller };
}

function viewOf(s: Read) {
  return { seller: s.seller, importMapping: s.importMapping, effectiveSeller: s.effectiveSeller, defaultImportMapping: DEFAULT_IMPORT_MAPPING };
}

export async function getInvoiceSettings(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => viewOf(await readSettings(tx)));
}

export async function updateInvoiceSettings(db: Db, auth: AuthContext, input: Settings) {
  return inTenant(db, auth, async (tx) => {
    await lockTenantSettings(tx);
    const before = await readSettings(tx);
    const next = { seller: input.seller, importMapping: input.importMapping };
    await setTenantSettings(tx, 'invoicing', next);
    await recordAudit(tx, auth, { action: 'update', entityType: 'invoice_settings', entityId: auth.tenantId, before: { seller: before.seller, importMapping: before.importMapping }, after: next });
    return viewOf(await readSettings(tx));
  });
}
