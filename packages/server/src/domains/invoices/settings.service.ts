// Invoice settings: the seller 销售方 printed on every invoice — the company profile 公司信息 when it has a taxpayer id,
// else the seller saved here (no invoice is recorded without a taxpayer id) — and the saved column mapping of the tax
// platform's export workbook. No platform file format is assumed: the mapping says where each field is.
import { InvoiceImportMapping, InvoiceSettings, type BatchField, type InvoiceSettings as Settings } from '@l2c/shared';
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

/** The batch-issue workbook's headers until a tenant saves its platform template's own (batchHeaders). */
export const DEFAULT_BATCH_HEADERS: Record<BatchField, string> = {
  requestNumber: '申请单号', invoiceType: '发票类型', buyerName: '购买方名称', buyerTaxpayerId: '购买方纳税人识别号', buyerAddressPhone: '购买方地址电话',
  buyerBankAccount: '购买方开户行及账号', itemName: '项目名称', taxCode: '商品和服务税收分类编码', specification: '规格型号', unit: '单位', quantity: '数量',
  unitPrice: '单价', amount: '金额', taxRate: '税率', taxAmount: '税额', priceIncludesTax: '含税标志', remarks: '备注',
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
  return { seller, importMapping: v.importMapping ?? null, batchHeaders: v.batchHeaders ?? null, effectiveSeller };
}

/** Each batch-workbook field with its header (the tenant's, else the default); fields set to null are left out. */
export function batchColumns(s: Pick<Read, 'batchHeaders'>): Array<{ field: BatchField; header: string }> {
  return (Object.keys(DEFAULT_BATCH_HEADERS) as BatchField[]).flatMap((field) => {
    const header = s.batchHeaders && field in s.batchHeaders ? s.batchHeaders[field] : DEFAULT_BATCH_HEADERS[field];
    return header ? [{ field, header }] : [];
  });
}

function viewOf(s: Read) {
  return {
    seller: s.seller, importMapping: s.importMapping, effectiveSeller: s.effectiveSeller, defaultImportMapping: DEFAULT_IMPORT_MAPPING,
    batchHeaders: (s.batchHeaders ?? null) as Record<string, string | null> | null, defaultBatchHeaders: DEFAULT_BATCH_HEADERS,
  };
}

export async function getInvoiceSettings(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => viewOf(await readSettings(tx)));
}

export async function updateInvoiceSettings(db: Db, auth: AuthContext, input: Settings) {
  return inTenant(db, auth, async (tx) => {
    await lockTenantSettings(tx);
    const before = await readSettings(tx);
    const next = { seller: input.seller, importMapping: input.importMapping, batchHeaders: input.batchHeaders ?? null };
    await setTenantSettings(tx, 'invoicing', next);
    await recordAudit(tx, auth, { action: 'update', entityType: 'invoice_settings', entityId: auth.tenantId, before: { seller: before.seller, importMapping: before.importMapping, batchHeaders: before.batchHeaders ?? null }, after: next });
    return viewOf(await readSettings(tx));
  });
}
