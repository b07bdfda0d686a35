// The statement as a PDF (A4, Chinese or English), with the CJK font embedded as a subset so any reader shows the
// Chinese text — the standard PDF fonts have no Chinese glyphs at all.
import type { Statement } from '@l2c/shared';
import { cjkFont, openCjkPdf } from './pdf-font.js';
import { LABELS, type Lang } from './statement.labels.js';
import { fastNumberLayout } from './statement.pdf-layout.js';

export interface StatementDoc extends Statement { customerAddress: string | null; ownerName: string | null; tenantName: string | null; generatedOn: string }

const MARGIN = 40;
const ROW = 16;

/** 1234567.5 → "1,234,567.50"; zero is left blank in amount columns, as on paper statements. */
export function grouped(amount: string, blankZero = false): string {
  if (blankZero && /^-?0(\.0+)?$/.test(amount)) return '';
  const neg = amount.startsWith('-');
  const [i, f] = (neg ? amount.slice(1) : amount).split('.');
  return `${neg ? '-' : ''}${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
}

export async function statementPdf(s: StatementDoc, lang: Lang): Promise<{ data: Buffer; font: string | null }> {
  const L = LABELS[lang];
  const { doc, body, heading, done } = await openCjkPdf({
    size: 'A4', margin: MARGIN, bufferPages: true,
    info: { Title: `${L.title} ${s.customer.name} ${s.from} – ${s.to}`, Author: s.tenantName ?? 'L2C', Subject: s.customer.name, Creator: 'L2C' },
  });
  fastNumberLayout(doc, [heading, body]); // in the order first used, so the fonts keep their names (F1, F2)

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;
  // A cell's text, cut with an ellipsis if too wide. pdfkit's line wrapper (what `width` turns on) measures and breaks
  // every cell into words first, half the PDF's time on a 13,500-line statement; a text that fits is placed directly
  // at the same spot (right-aligned: its width from the right edge), and only a too-wide one goes through the wrapper.
  const cell = (text: string, x: number, y: number, w: number, align: 'left' | 'right' = 'left') => {
    if (text === '') return;
    const inner = w - 4;
    const width = doc.widthOfString(text);
    if (width > inner) doc.text(text, x + 2, y + 3, { width: inner, align, lineBreak: false, ellipsis: true, height: ROW });
    else doc.text(text, align === 'right' ? x + 2 + (inner - width) : x + 2, y + 3, { lineBreak: false });
  };

  // Header block
  doc.font(heading).fontSize(18).text(L.title, MARGIN, MARGIN, { width, align: 'center' });
  if (L.subtitle) doc.font(body).fontSize(10).fillColor('#555').text(L.subtitle, { width, align: 'center' }).fillColor('black');
  if (s.tenantName) doc.font(body).fontSize(10).text(s.tenantName, { width, align: 'center' });
  doc.moveDown(0.8);
  const info: Array<[string, string]> = [
    [L.customer, s.customer.name], [L.customerNo, s.customer.number], [L.period, `${s.from} ~ ${s.to}`],
    [L.currency, s.currency], [L.owner, s.ownerName ?? '-'], [L.generated, s.generatedOn],
  ];
  doc.fontSize(10);
  let y = doc.y;
  info.forEach(([k, v], i) => {
    const x = MARGIN + (i % 2) * (width / 2);
    doc.font(body).fillColor('#555').text(k, x, y, { width: 64, lineBreak: false });
    doc.fillColor('black').text(v, x + 66, y, { width: width / 2 - 72, lineBreak: false, ellipsis: true });
    if (i % 2 === 1) y += ROW;
  });
  y += 8;

  // Summary
  const sums: Array<[string, string]> = [[L.opening, s.openingBalance], [L.debit, s.totals.debit], [L.credit, s.totals.credit], [L.closing, s.closingBalance]];
  doc.rect(MARGIN, y, width, 38).fillAndStroke('#f3f6fa', '#c9d3df').fillColor('black');
  sums.forEach(([k, v], i) => {
    const x = MARGIN + (i * width) / 4;
    doc.font(body).fontSize(9).fillColor('#555').text(k, x, y + 5, { width: width / 4, align: 'center' });
    doc.font(heading).fontSize(11).fillColor('black').text(grouped(v), x, y + 19, { width: width / 4, align: 'center' });
  });
  y += 50;

  // Transactions
  const cols = [
    { h: L.date, w: 62 }, { h: L.kind, w: 56 }, { h: L.number, w: 98 }, { h: L.ref, w: 83 },
    { h: L.debitShort, w: 72, right: true }, { h: L.creditShort, w: 72, right: true }, { h: L.balance, w: 72, right: true },
  ];
  const tableHeader = () => {
    doc.rect(MARGIN, y, width, ROW).fill('#e8eef5').fillColor('black').font(heading).fontSize(8.5);
    let x = MARGIN;
    for (const c of cols) { cell(c.h, x, y, c.w, c.right ? 'right' : 'left'); x += c.w; }
    y += ROW;
    doc.font(body).fontSize(8.5);
  };
  const ensure = (h: number, header?: () => void) => {
    if (y + h <= bottom()) return;
    doc.addPage();
    y = MARGIN;
    header?.();
  };
  doc.font(heading).fontSize(11).text(L.lines, MARGIN, y);
  y += 18;
  tableHeader();
  const row = (values: string[], shade: boolean) => {
    ensure(ROW, tableHeader);
    if (shade) doc.rect(MARGIN, y, width, ROW).fill('#fafbfc').fillColor('black');
    let x = MARGIN;
    // Opening and closing rows have no number: their label may run over the number column.
    const span = values[2] === '' && values[3] === '';
    cols.forEach((c, i) => {
      if (!(span && i === 2)) cell(values[i] ?? '', x, y, span && i === 1 ? c.w + cols[2]!.w : c.w, c.right ? 'right' : 'left');
      x += c.w;
    });
    y += ROW;
  };
  row([s.from, L.opening, '', '', '', '', grouped(s.openingBalance)], false);
  s.lines.forEach((l, i) => row([l.date, L.kinds[l.kind] ?? l.kind, l.number, l.ref ?? '', grouped(l.debit, true), grouped(l.credit, true), grouped(l.balance)], i % 2 === 0));
  if (s.lines.length === 0) row(['', L.none, '', '', '', '', ''], false);
  doc.font(heading);
  row([s.to, L.closing, '', '', grouped(s.totals.debit), grouped(s.totals.credit), grouped(s.closingBalance)], false);
  doc.font(body);
  y += 10;

  // What the closing balance is made of
  ensure(4 * ROW);
  doc.font(heading).fontSize(11).text(L.composition, MARGIN, y);
  y += 18;
  doc.font(body).fontSize(9);
  for (const [k, v] of [[L.receivablesOpen, s.closing.receivablesOpen], [L.paymentsUnapplied, s.closing.paymentsUnapplied], [L.creditNotesUnapplied, s.closing.creditNotesUnapplied]] as const) {
    doc.text(k, MARGIN + 2, y + 3, { width: 200 });
    doc.text(grouped(v), MARGIN + 200, y + 3, { width: 100, align: 'right' });
    y += ROW;
  }
  y += 10;

  // Write-offs
  if (s.writeOffs.length > 0) {
    const wcols = [{ h: L.date, w: 62 }, { h: L.number, w: 98 }, { h: L.kind, w: 56 }, { h: L.receivableNo, w: 98 }, { h: L.source, w: 56 }, { h: L.sourceNo, w: 73 }, { h: L.amount, w: 72, right: true }];
    const wHeader = () => {
      doc.rect(MARGIN, y, width, ROW).fill('#e8eef5').fillColor('black').font(heading).fontSize(8.5);
      let x = MARGIN;
      for (const c of wcols) { cell(c.h, x, y, c.w, c.right ? 'right' : 'left'); x += c.w; }
      y += ROW;
      doc.font(body).fontSize(8.5);
    };
    ensure(3 * ROW);
    doc.font(heading).fontSize(11).text(L.writeOffs, MARGIN, y);
    y += 18;
    wHeader();
    for (const w of s.writeOffs) {
      for (const l of w.lines) {
        ensure(ROW, wHeader);
        const values = [w.date, w.number, L.woKinds[w.kind] ?? w.kind, l.receivableNumber, L.sources[l.source] ?? l.source, l.sourceNumber ?? '', grouped(l.amount)];
        let x = MARGIN;
        wcols.forEach((c, i) => { cell(values[i]!, x, y, c.w, c.right ? 'right' : 'left'); x += c.w; });
        y += ROW;
      }
    }
  }
  ensure(3 * ROW);
  doc.font(body).fontSize(8).fillColor('#555').text(L.note, MARGIN, y + 6, { width }).fillColor('black');

  // Page numbers, once the page count is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin pdfkit would start a new page for the footer; lift the margin while writing it.
    doc.page.margins.bottom = 0;
    doc.font(body).fontSize(8).fillColor('#777')
      .text(`${s.customer.name} · ${s.from} ~ ${s.to} · ${L.page(i + 1, range.count)}`, MARGIN, doc.page.height - MARGIN - 6, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return { data: await done, font: cjkFont('Regular')?.name ?? null };
}
