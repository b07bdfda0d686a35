// Words of the exported statement in Chinese (default) and English.
export type Lang = 'zh' | 'en';

export const LABELS = {
  zh: {
    title: '对账单', subtitle: 'Statement of Account', customer: '客户', customerNo: '客户编号', period: '对账期间', currency: '币种',
    generated: '生成日期', owner: '负责人', opening: '期初余额', debit: '借方（应收）', credit: '贷方（收款/冲减）', closing: '期末余额',
    debitShort: '借方', creditShort: '贷方',
    date: '日期', kind: '类型', number: '单号', ref: '参考', balance: '余额', memo: '摘要',
    lines: '往来明细', writeOffs: '核销记录（匹配回款与应收，不影响余额）', receivableNo: '应收单', source: '来源', sourceNo: '来源单号', amount: '金额',
    composition: '期末余额构成', receivablesOpen: '未收应收', paymentsUnapplied: '未核销回款（预收）', creditNotesUnapplied: '未使用红冲',
    none: '本期无往来', page: (i: number, n: number) => `第 ${i} / ${n} 页`,
    note: '余额 = 应收 − 红冲 − 已确认回款 − 返利抵扣 − 坏账核销（正数为客户欠款，负数为预收）。',
    kinds: { receivable: '应收', credit_note: '红冲', payment: '回款', rebate: '返利抵扣', bad_debt: '坏账核销' } as Record<string, string>,
    woKinds: { apply: '核销', reverse: '反核销', bad_debt: '坏账' } as Record<string, string>,
    sources: { payment: '回款', credit_note: '红冲', rebate: '返利', bad_debt: '坏账' } as Record<string, string>,
  },
  en: {
    title: 'Statement of Account', subtitle: '', customer: 'Customer', customerNo: 'Customer no.', period: 'Period', currency: 'Currency',
    generated: 'Generated', owner: 'Owner', opening: 'Opening balance', debit: 'Debit (charges)', credit: 'Credit (payments)', closing: 'Closing balance',
    debitShort: 'Debit', creditShort: 'Credit',
    date: 'Date', kind: 'Type', number: 'Number', ref: 'Reference', balance: 'Balance', memo: 'Memo',
    lines: 'Transactions', writeOffs: 'Write-offs (payments matched to receivables; the balance does not change)', receivableNo: 'Receivable', source: 'Source', sourceNo: 'Source no.', amount: 'Amount',
    composition: 'Closing balance made of', receivablesOpen: 'Open receivables', paymentsUnapplied: 'Unapplied payments (prepaid)', creditNotesUnapplied: 'Unused credit notes',
    none: 'No transactions in this period', page: (i: number, n: number) => `Page ${i} of ${n}`,
    note: 'Balance = receivables − credit notes − confirmed payments − rebate offsets − bad debt written off (positive: owed by the customer; negative: paid in advance).',
    kinds: { receivable: 'Invoice', credit_note: 'Credit note', payment: 'Payment', rebate: 'Rebate offset', bad_debt: 'Bad debt' } as Record<string, string>,
    woKinds: { apply: 'Apply', reverse: 'Reversal', bad_debt: 'Bad debt' } as Record<string, string>,
    sources: { payment: 'Payment', credit_note: 'Credit note', rebate: 'Rebate', bad_debt: 'Bad debt' } as Record<string, string>,
  },
} as const;

export type Labels = (typeof LABELS)[Lang];
