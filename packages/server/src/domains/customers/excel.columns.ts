// The customer spreadsheet: its columns in export order with Chinese and English headers, and the labels people type
// instead of enum codes. One table drives the export, the import template and import header matching, so a file we
// export can be read back and a header we print is always one we recognise.
import { CUSTOMER_GRADES, CUSTOMER_SOURCES, INDUSTRIES } from '@l2c/shared';

export type Lang = 'zh' | 'en';

/** The CustomerInput fields a spreadsheet row may fill; owner and parent come from the importer, not the file. */
export const IMPORT_FIELDS = ['name', 'creditCode', 'industry', 'region', 'grade', 'source', 'phone', 'address', 'website', 'remark'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface Column {
  /** The CustomerInput field for importable columns; a read-only name for export-only ones. */
  key: ImportField | 'number' | 'owner' | 'parent' | 'lastFollowUpAt' | 'createdAt';
  zh: string;
  en: string;
  /** Other headers people use for the same column (matched like the headers themselves). */
  aliases: string[];
  width: number;
  /** Text columns keep digit strings (credit codes, phones) from becoming numbers when someone edits the file. */
  numFmt?: string;
  /** Mentioned in the template's 说明 sheet. */
  note: string;
}

export const COLUMNS: Column[] = [
  { key: 'number', zh: '客户编号', en: 'Customer number', aliases: ['编号', 'number'], width: 16, note: '系统生成，导入时忽略' },
  { key: 'name', zh: '客户名称', en: 'Customer name', aliases: ['名称', '公司名称', '企业名称', 'name', 'company', 'company name'], width: 32, note: '必填，2–120 个字符；与已有客户名称相同（忽略“有限公司”等后缀）视为重复' },
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Unified social credit code', aliases: ['信用代码', '社会信用代码', 'credit code', 'uscc'], width: 22, numFmt: '@', note: '选填，18 位，校验位需正确；与已有客户相同则不导入' },
  { key: 'industry', zh: '行业', en: 'Industry', aliases: ['所属行业'], width: 14, note: '选填，填写下列名称之一' },
  { key: 'region', zh: '地区', en: 'Region', aliases: ['所在地区', '省市'], width: 16, note: '选填，最多 60 个字符，如“浙江省杭州市”' },
  { key: 'grade', zh: '等级', en: 'Grade', aliases: ['客户等级'], width: 8, note: '选填，A / B / C / D' },
  { key: 'source', zh: '来源', en: 'Source', aliases: ['客户来源'], width: 12, note: '选填，不填则为“导入”' },
  { key: 'phone', zh: '电话', en: 'Phone', aliases: ['联系电话', '公司电话', 'telephone', 'tel'], width: 18, numFmt: '@', note: '选填，5–20 位数字，可含 +、-、空格和括号' },
  { key: 'address', zh: '地址', en: 'Address', aliases: ['公司地址'], width: 36, note: '选填，最多 200 个字符' },
  { key: 'website', zh: '网址', en: 'Website', aliases: ['官网', '网站'], width: 26, note: '选填，最多 200 个字符' },
  { key: 'owner', zh: '负责人', en: 'Owner', aliases: [], width: 12, note: '导入时忽略，负责人为导入人' },
  { key: 'parent', zh: '上级公司', en: 'Parent company', aliases: [], width: 28, note: '导入时忽略' },
  { key: 'lastFollowUpAt', zh: '最近跟进', en: 'Last follow-up', aliases: [], width: 12, numFmt: 'yyyy-mm-dd', note: '导入时忽略' },
  { key: 'createdAt', zh: '创建时间', en: 'Created at', aliases: [], width: 17, numFmt: 'yyyy-mm-dd hh:mm', note: '导入时忽略' },
  { key: 'remark', zh: '备注', en: 'Remark', aliases: ['remarks', 'note', 'notes'], width: 40, note: '选填，最多 2000 个字符' },
];

export const IMPORT_COLUMNS = COLUMNS.filter((c): c is Column & { key: ImportField } => (IMPORT_FIELDS as readonly string[]).includes(c.key));

/** Header text as compared: full-width folded, case-insensitive, without spaces, underscores, dashes or required-marks. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-*:：]+/g, '');
}

const HEADER_INDEX = new Map<string, Column['key']>();
for (const c of COLUMNS) for (const h of [c.zh, c.en, c.key, ...c.aliases]) HEADER_INDEX.set(headerKey(h), c.key);

export function columnForHeader(text: string): Column['key'] | undefined {
  return HEADER_INDEX.get(headerKey(text));
}

// Labels mirror the web app's i18n (enums.*); the server needs them for files people read and type.
export const ENUM_LABELS = {
  industry: {
    manufacturing: ['制造业', 'Manufacturing'], it: ['信息技术', 'Information technology'], finance: ['金融', 'Finance'],
    retail: ['零售', 'Retail'], healthcare: ['医疗健康', 'Healthcare'], education: ['教育', 'Education'], energy: ['能源', 'Energy'],
    construction: ['建筑', 'Construction'], logistics: ['物流', 'Logistics'], government: ['政府及公共事业', 'Government & public sector'],
    other: ['其他', 'Other'],
  } satisfies Record<(typeof INDUSTRIES)[number], [string, string]>,
  source: {
    manual: ['手工录入', 'Manual entry'], import: ['导入', 'Import'], website: ['官网', 'Website'], campaign: ['市场活动', 'Campaign'],
    referral: ['转介绍', 'Referral'], exhibition: ['展会', 'Exhibition'], partner: ['合作伙伴', 'Partner'], other: ['其他', 'Other'],
  } satisfies Record<(typeof CUSTOMER_SOURCES)[number], [string, string]>,
  grade: {
    A: ['A 级（重点）', 'A (key account)'], B: ['B 级', 'B'], C: ['C 级', 'C'], D: ['D 级', 'D'],
  } satisfies Record<(typeof CUSTOMER_GRADES)[number], [string, string]>,
};
export type EnumField = keyof typeof ENUM_LABELS;
export const ENUM_FIELDS = Object.keys(ENUM_LABELS) as EnumField[];

export function enumLabel(field: EnumField, code: string | null, lang: Lang): string | null {
  if (code === null) return null;
  const labels = (ENUM_LABELS[field] as Record<string, [string, string]>)[code];
  return labels ? labels[lang === 'zh' ? 0 : 1] : code;
}

// Every way of writing a value → its code: the code, either label, and the label without its bracketed note
// ("A 级（重点）" → "A级").
const ENUM_INDEX = Object.fromEntries(ENUM_FIELDS.map((field) => {
  const index = new Map<string, string>();
  for (const [code, labels] of Object.entries(ENUM_LABELS[field] as Record<string, [string, string]>)) {
    for (const text of [code, ...labels, ...labels.map((l) => l.normalize('NFKC').replace(/\(.*\)/, ''))]) {
      index.set(headerKey(text), code);
    }
  }
  return [field, index];
})) as Record<EnumField, Map<string, string>>;

/** The code for what someone typed into an enum column, or null when it is neither a code nor a label. */
export function enumCode(field: EnumField, text: string): string | null {
  return ENUM_INDEX[field].get(headerKey(text)) ?? null;
}

/** The Chinese labels of an enum, for messages and the template's drop-down lists. */
export function zhLabels(field: EnumField): string[] {
  return Object.values(ENUM_LABELS[field] as Record<string, [string, string]>).map(([zh]) => zh);
}
