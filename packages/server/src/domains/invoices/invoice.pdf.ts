// An invoice as a PDF for the customer: the layout of a fully digital e-invoice 数电票 (title, number and date, buyer and
// seller with taxpayer ids, the lines, totals in figures and in Chinese capitals, remarks). It is a copy for the
// customer's files, not the tax platform's legal original (the platform's own PDF/OFD is that). Chinese text needs the
// embedded CJK font, as statements of account do (collections' openCjkPdf).
import { dec, type Invoice } from '@l2c/shared';
import { openCjkPdf } from '../collections/index.js';

const MARGIN = 36;
const ROW = 18;

function grouped(amount: string): string {
  const neg = amount.startsWith('-');
  const [i, f] = (neg ? amount.slice(1) : amount).split('.');
  return `${neg ? '-' : ''}${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

/** 1234.50 → 壹仟贰佰叁拾肆元伍角整; negative amounts are prefixed 负 (red invoices). */
export function chineseCapital(amount: string): string {
  const d = dec(amount);
  const neg = d.isNegative();
  const [intPart, frac = '00'] = d.abs().toFixed(2).split('.');
  let out = '';
  const groups: string[] = [];
  for (let s = intPart!; s.length > 0; s = s.slice(0, -4)) groups.unshift(s.slice(-4));
  let zero = false;
  groups.forEach((g, gi) => {
    const section = SECTIONS[groups.length - 1 - gi]!;
    let part = '';
    const digits = g.padStart(4, '0');
    for (let i = 0; i < 4; i++) {
      const n = Number(digits[i]);
      if (n === 0) { zero = part !== '' || out !== ''; continue; }
      if (zero) { part += '零'; zero = false; }
      part += DIGITS[n]! + UNITS[3 - i]!;
    }
    if (part) out += part + section;
  });
  if (!out) out = '零';
  out += '元';
  const [j, f] = [Number(frac[0]), Number(frac[1])];
  if (j === 0 && f === 0) out += '整';
  else {
    if (j > 0) out += `${DIGITS[j]}角`; else if (out !== '零元') out += '零';
    if (f > 0) out += `${DIGITS[f]}分`; else out += '整';
  }
  return (neg ? '负' : '') + out;
}

const TYPE_TITLE = { special: '电子发票（增值税专用发票）', ordinary: '电子发票（普通发票）' } as const;

export async function invoicePdf(inv: Invoice): Promise<Buffer> {
  const { doc, body, heading, done } = await openCjkPdf({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: `${TYPE_TITLE[inv.invoiceType]} ${inv.number}`, Author: inv.seller.name, Creator: 'L2C' } });
  const width = doc.page.width - 2 * MARGIN;
  const red = inv.color === 'red';

  doc.font(heading).fontSize(18).fillColor(red ? '#b00020' : '#8b4513').text(TYPE_TITLE[inv.invoiceType] + (red ? '（红字）' : ''), MARGIN, MARGIN, { width, align: 'center' });
  doc.fillColor('black').font(body).fontSize(9);
  doc.text(`发票号码：${inv.number}`, MARGIN, MARGIN + 4, { width, align: 'right' });
  doc.text(`开票日期：${inv.issueDate}`, MARGIN, MARGIN + 18, { width, align: 'right' });
  let y = MARGIN + 44;

  const half = width / 2;
  doc.rect(MARGIN, y, width, 56).stroke('#8b4513');
  doc.moveTo(MARGIN + half, y).lineTo(MARGIN + half, y + 56).stroke('#8b4513');
  const party = (label: string, name: string, id: string | null, x: number) => {
    doc.font(heading).fontSize(10).text(label, x + 6, y + 6);
    doc.font(body).fontSize(9).text(`名称：${name}`, x + 6, y + 22, { width: half - 12, lineBreak: false, ellipsis: true });
    doc.text(`统一社会信用代码/纳税人识别号：${id ?? ''}`, x + 6, y + 38, { width: half - 12, lineBreak: false });
  };
  party('购买方信息', inv.buyer.name, inv.buyer.taxpayerId, MARGIN);
  party('销售方信息', inv.seller.name, inv.seller.taxpayerId, MARGIN + half);
  y += 64;

  const cols = [
    { h: '项目名称', w: 170 }, { h: '税收分类编码', w: 90 }, { h: '规格型号', w: 70 }, { h: '单位', w: 40 }, { h: '数量', w: 60, r: true },
    { h: '单价', w: 80, r: true }, { h: '金额', w: 90, r: true }, { h: '税率/征收率', w: 60, r: true }, { h: '税额', w: 0, r: true },
  ];
  cols[cols.length - 1]!.w = width - cols.slice(0, -1).reduce((t, c) => t + c.w, 0);
  const row = (values: string[], font: string) => {
    doc.font(font).fontSize(8.5);
    let x = MARGIN;
    cols.forEach((c, i) => { doc.text(values[i] ?? '', x + 3, y + 5, { width: c.w - 6, align: c.r ? 'right' : 'left', lineBreak: false, ellipsis: true }); x += c.w; });
    y += ROW;
  };
  doc.rect(MARGIN, y, width, ROW).fill('#f6efe6').fillColor('black');
  row(cols.map((c) => c.h), heading);
  for (const l of inv.lines) {
    if (y > doc.page.height - MARGIN - 90) { doc.addPage(); y = MARGIN; }
    const rate = `${dec(l.taxRate).times(100).toString()}%`;
    row([`*${l.name}`, l.taxCode ?? '', l.specification ?? '', l.unit ?? '', l.quantity ?? '', l.unitPrice ?? '', grouped(l.amountExclTax), rate, grouped(l.taxAmount)], body);
  }
  doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).stroke('#8b4513');
  row(['合计', '', '', '', '', '', `¥${grouped(inv.amountExclTax)}`, '', `¥${grouped(inv.taxAmount)}`], heading);
  doc.rect(MARGIN, y, width, ROW + 4).stroke('#8b4513');
  doc.font(body).fontSize(9).text(`价税合计（大写）：${chineseCapital(inv.amountInclTax)}`, MARGIN + 6, y + 6, { width: half, lineBreak: false });
  doc.text(`（小写）¥${grouped(inv.amountInclTax)}`, MARGIN + half, y + 6, { width: half - 6, align: 'right', lineBreak: false });
  y += ROW + 12;
  doc.text(`备注：${inv.remarks ?? ''}`, MARGIN, y, { width });
  doc.fontSize(8).fillColor('#777').text(`${inv.currency} · L2C ${inv.requestNumber ?? ''}`, MARGIN, doc.page.height - MARGIN - 12, { width, align: 'right', lineBreak: false });
  doc.end();
  return done;
}
