// The lead import's columns: the field, its Chinese and English header and the other headers people use. Header
// matching folds width, case and spacing the way the customer import does (customers' headerKey).
import { headerKey } from '../customers/index.js';

export const LEAD_IMPORT_FIELDS = ['companyName', 'contactName', 'title', 'phone', 'email', 'creditCode', 'industry', 'companySize', 'region', 'remark'] as const;
export type LeadImportField = (typeof LEAD_IMPORT_FIELDS)[number];

export const LEAD_IMPORT_COLUMNS: Array<{ key: LeadImportField; zh: string; en: string; aliases: string[] }> = [
  { key: 'companyName', zh: '公司名称', en: 'Company', aliases: ['公司', '企业名称', '客户名称', 'company name', 'account'] },
  { key: 'contactName', zh: '联系人', en: 'Contact name', aliases: ['姓名', '联系人姓名', 'name', 'contact'] },
  { key: 'title', zh: '职位', en: 'Title', aliases: ['职务', 'job title', 'position'] },
  { key: 'phone', zh: '电话', en: 'Phone', aliases: ['手机', '手机号', '联系电话', 'mobile', 'tel', 'telephone'] },
  { key: 'email', zh: '邮箱', en: 'Email', aliases: ['电子邮箱', '电子邮件', 'e-mail', 'mail'] },
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Unified social credit code', aliases: ['信用代码', 'credit code', 'uscc'] },
  { key: 'industry', zh: '行业', en: 'Industry', aliases: ['所属行业'] },
  { key: 'companySize', zh: '规模', en: 'Company size', aliases: ['公司规模', '人数', 'size', 'employees'] },
  { key: 'region', zh: '地区', en: 'Region', aliases: ['所在地区', '省市', '城市', 'city', 'province'] },
  { key: 'remark', zh: '备注', en: 'Remark', aliases: ['留言', '说明', 'note', 'notes', 'message'] },
];

const INDEX = new Map<string, LeadImportField>();
for (const c of LEAD_IMPORT_COLUMNS) for (const h of [c.zh, c.en, c.key, ...c.aliases]) INDEX.set(headerKey(h), c.key);

export function leadColumnForHeader(text: string): LeadImportField | undefined {
  return INDEX.get(headerKey(text));
}

/** Company size as people write it: a band ("50-199", "50～199人") or a head count (120 → "50-199"). */
export function sizeBand(text: string): '1-49' | '50-199' | '200-999' | '1000+' | null {
  const t = text.normalize('NFKC').replace(/[\s人名]/g, '').replace(/[~～—–至到]/g, '-');
  if (['1-49', '50-199', '200-999', '1000+'].includes(t)) return t as '1-49';
  const n = /^\d+$/.test(t) ? Number(t) : /^(\d+)-(\d+)$/.test(t) ? Number(t.split('-')[1]) : /^(\d+)\+$/.test(t) ? Number(t.slice(0, -1)) : NaN;
  if (!Number.isFinite(n) || n <= 0) return null;
  return n < 50 ? '1-49' : n < 200 ? '50-199' : n < 1000 ? '200-999' : '1000+';
}
