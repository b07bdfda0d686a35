// A quote as a customer-ready PDF in Chinese 报价单: the company profile's logo, name and contact, the customer, the
// priced lines by group (gifts marked 赠品), discounts, totals in figures and in Chinese capitals, validity, and the
// bank accounts to pay to. Same library and embedded CJK font as invoices and statements (pdfkit, collections' openCjkPdf).
import { dec } from '@l2c/shared';
import type { CompanyProfile } from '../../platform/tenants.js';
import { openCjkPdf } from '../collections/index.js';
import { chineseCapital } from '../invoices/index.js';

export interface QuotePdfInput {
  number: string; title: string; customer: string; owner: string | null; validUntil: string; date: string; currency: string; pricesIncludeTax: boolean;
  versionSeq: number; contentHash: string; notes: string | null;
  lines: Array<{ position: number; group: string | null; name: string; code: string | null; unit: string | null; quantity: string; unitPrice: string; discountAmount: string; amountInclTax: string; taxRate: string; gift: boolean }>;
  totals: { listAmount: string; discountAmount: string; amountExclTax: string; taxAmount: string; amountInclTax: string };
}

const MARGIN = 40;
const ROW = 18;

function grouped(amount: string): string {
  const neg = amount.startsWith('-');
  const [i, f] = (neg ? amount.slice(1) : amount).split('.');
  return `${neg ? '-' : ''}${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
}

function logoImage(logo: string | null): Buffer | null {
  const m = logo ? /^data:image\/(png|jpeg);base64,(.+)$/.exec(logo) : null; // pdfkit draws PNG and JPEG (not SVG)
  return m ? Buffer.from(m[2]!, 'base64') : null;
}

export async function quotePdf(quote: QuotePdfInput, seller: CompanyProfile): Promise<Buffer> {
  const { doc, body, heading, done } = await openCjkPdf({ size: 'A4', margin: MARGIN, info: { Title: `报价单 ${quote.number}`, Author: seller.legalName, Creator: 'L2C' } });
  const width = doc.page.width - 2 * MARGIN;

  const logo = logoImage(seller.logo);
  if (logo) {
    try { doc.image(logo, MARGIN, MARGIN, { fit: [120, 40] }); } catch { /* an unreadable logo leaves the corner empty */ }
  }
  doc.font(heading).fontSize(20).text('报 价 单', MARGIN, MARGIN + 4, { width, align: 'center' });
  doc.font(body).fontSize(9).text(`编号：${quote.number}（第 ${quote.versionSeq} 版）`, MARGIN, MARGIN + 4, { width, align: 'right' });
  doc.text(`日期：${quote.date}`, MARGIN, MARGIN + 18, { width, align: 'right' });
  let y = MARGIN + 52;
  const half = width / 2;
  doc.font(heading).fontSize(10).text('报价方', MARGIN, y).text('客户', MARGIN + half, y);
  doc.font(body).fontSize(9);
  doc.text(seller.legalName, MARGIN, y + 16, { width: half - 10 });
  doc.text([seller.address, seller.phone].filter(Boolean).join('  '), MARGIN, y + 30, { width: half - 10 });
  doc.text(quote.customer, MARGIN + half, y + 16, { width: half });
  doc.text(`项目：${quote.title}`, MARGIN + half, y + 30, { width: half });
  y += 56;

  const cols = [
    { h: '序号', w: 30 }, { h: '产品 / 服务', w: 160 }, { h: '编码', w: 70 }, { h: '数量', w: 50, r: true }, { h: '单位', w: 30 },
    { h: '单价', w: 60, r: true }, { h: '优惠', w: 50, r: true }, { h: '金额', w: 0, r: true },
  ];
  cols[cols.length - 1]!.w = width - cols.slice(0, -1).reduce((t, c) => t + c.w, 0);
  const row = (values: string[], font: string) => {
    doc.font(font).fontSize(8.5);
    let x = MARGIN;
    cols.forEach((c, i) => { doc.text(values[i] ?? '', x + 3, y + 5, { width: c.w - 6, align: c.r ? 'right' : 'left', lineBreak: false, ellipsis: true }); x += c.w; });
    y += ROW;
  };
  doc.rect(MARGIN, y, width, ROW).fill('#eef2f7').fillColor('black');
  row(cols.map((c) => c.h), heading);
  let group: string | null = null;
  for (const l of quote.lines) {
    if (y > doc.page.height - MARGIN - 140) { doc.addPage(); y = MARGIN; }
    if (l.group && l.group !== group) {
      group = l.group;
      doc.font(heading).fontSize(9).text(l.group, MARGIN + 3, y + 4);
      y += ROW;
    }
    row([String(l.position), l.gift ? `【赠品】${l.name}` : l.name, l.code ?? '', l.quantity, l.unit ?? '', l.gift ? '0.00' : grouped(l.unitPrice), dec(l.discountAmount).gt(0) ? `-${grouped(l.discountAmount)}` : '', grouped(l.amountInclTax)], body);
  }
  doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).stroke('#999');
  y += 6;
  const total = (label: string, value: string) => {
    doc.font(body).fontSize(9).text(label, MARGIN + half, y, { width: half / 2 }).text(value, MARGIN + half + half / 2, y, { width: half / 2, align: 'right' });
    y += 14;
  };
  total('原价合计', `¥${grouped(quote.totals.listAmount)}`);
  if (dec(quote.totals.discountAmount).gt(0)) total('优惠合计', `-¥${grouped(quote.totals.discountAmount)}`);
  total('不含税金额', `¥${grouped(quote.totals.amountExclTax)}`);
  total('税额', `¥${grouped(quote.totals.taxAmount)}`);
  doc.font(heading).fontSize(10).text('报价总额（含税）', MARGIN + half, y, { width: half / 2 }).text(`¥${grouped(quote.totals.amountInclTax)}`, MARGIN + half + half / 2, y, { width: half / 2, align: 'right' });
  y += 16;
  doc.font(body).fontSize(9).text(`大写：${chineseCapital(quote.totals.amountInclTax)}`, MARGIN, y, { width });
  y += 22;
  doc.text(`${quote.pricesIncludeTax ? '以上价格含增值税。' : '以上价格不含增值税。'}本报价有效期至 ${quote.validUntil}。币种：${quote.currency}。`, MARGIN, y, { width });
  y += 16;
  if (quote.notes) { doc.text(`备注：${quote.notes}`, MARGIN, y, { width }); y = doc.y + 6; }
  if (seller.bankAccounts.length > 0) {
    doc.font(heading).fontSize(10).text('收款账户', MARGIN, y + 4);
    y += 20;
    for (const b of seller.bankAccounts) {
      doc.font(body).fontSize(9).text(`开户行：${b.bank}    户名：${b.accountName}    账号：${b.accountNumber}`, MARGIN, y, { width });
      y += 14;
    }
  }
  doc.fontSize(7).fillColor('#888').text(`${quote.owner ? `销售代表：${quote.owner} · ` : ''}内容校验 ${quote.contentHash.slice(0, 16)} · L2C`, MARGIN, doc.page.height - MARGIN - 10, { width, align: 'right', lineBreak: false });
  doc.end();
  return done;
}
