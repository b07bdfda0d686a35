// The formal collection letter 催款函 as a PDF (A4, Chinese with an English line under each heading), rendered from the
// step run's snapshot, so the letter reads the same every time it is downloaded or mailed.
import { openCjkPdf } from '../collections/index.js';

export interface LetterDetail {
  tenantName: string; customerName: string; number: string; currency: string; amountOpen: string; dueDate: string; days: number;
  customerOverdue: string; runOn: string;
}

function grouped(amount: string): string {
  const [i, f] = amount.split('.');
  return `${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
}

export async function letterPdf(d: LetterDetail): Promise<Buffer> {
  const { doc, body, heading, done } = await openCjkPdf({ size: 'A4', margin: 60, info: { Title: `催款函 ${d.customerName} ${d.number}`, Author: d.tenantName, Creator: 'L2C' } });
  doc.font(heading).fontSize(20).text('催 款 函', { align: 'center' });
  doc.font(body).fontSize(10).fillColor('#666').text('Payment demand', { align: 'center' }).fillColor('#000').moveDown(2);
  doc.font(body).fontSize(12).text(`${d.customerName}：`).moveDown();
  doc.text(`贵司应付我司款项（应收单号 ${d.number}）${d.currency} ${grouped(d.amountOpen)} 已于 ${d.dueDate} 到期，截至 ${d.runOn} 已逾期 ${d.days} 天。`
    + `贵司目前逾期未付款项合计 ${d.currency} ${grouped(d.customerOverdue)}。请于收到本函之日起七日内安排付款；如已付款，请将付款凭证发送给我司财务部，以便核销。`, { lineGap: 4 });
  doc.moveDown();
  doc.fontSize(10).fillColor('#444').text(`Receivable ${d.number} of ${d.currency} ${grouped(d.amountOpen)} fell due on ${d.dueDate} and is ${d.days} days past due as of ${d.runOn}; `
    + `your overdue total is ${d.currency} ${grouped(d.customerOverdue)}. Please pay within seven days of this letter, or send us the remittance advice if you have paid.`, { lineGap: 2 });
  doc.fillColor('#000').moveDown(3);
  doc.fontSize(12).text(`${d.tenantName}  财务部`, { align: 'right' });
  doc.text(d.runOn, { align: 'right' });
  doc.end();
  return done;
}
