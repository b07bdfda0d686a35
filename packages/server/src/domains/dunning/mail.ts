// Mail over SMTP with nodemailer. L2C_SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS) names the server and
// L2C_SMTP_FROM the sender; without L2C_SMTP_URL every mail stays in the outbox, visible in the UI, until a server is
// configured and someone sends it. Mail is written in the deciding transaction and delivered after it committed.
import type { Transporter } from 'nodemailer';
import { loadNodemailer } from '../../platform/lazy-modules.js';
import { inTenant, type Db } from '../../platform/db.js';
import { letterPdf, type LetterDetail } from './letter.pdf.js';
import * as q from './mail.sql.js';

export function smtpUrl(): string | null {
  return process.env.L2C_SMTP_URL?.trim() || null;
}
export function mailFrom(): string {
  return process.env.L2C_SMTP_FROM?.trim() || 'L2C <no-reply@l2c.invalid>';
}

const transports = new Map<string, Transporter>();
async function transport(url: string): Promise<Transporter> {
  const nodemailer = await loadNodemailer(); // before the look-up, so that two first calls make one transport
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

/** Deliver queued mail of one tenant (or the given ids); returns how many went out. Needs L2C_SMTP_URL. */
export async function deliverQueued(db: Db, tenantId: string, ids: string[] | null = null): Promise<number> {
  const url = smtpUrl();
  if (!url) return 0;
  const actor = { tenantId, userId: null, requestId: 'job:dunning.mail' };
  let sent = 0;
  for (;;) {
    const batch = await inTenant(db, actor, (tx) => q.claimQueued(tx, ids, 20));
    if (batch.length === 0) return sent;
    for (const m of batch) {
      try {
        if (!m.to_address) throw new Error('no recipient address');
        const attachments = m.action === 'letter' && m.detail
          ? [{ filename: `催款函-${(m.detail as LetterDetail).number}.pdf`, content: await letterPdf(m.detail as LetterDetail), contentType: 'application/pdf' }]
          : [];
        const info = await (await transport(url)).sendMail({ from: mailFrom(), to: m.to_address, subject: m.subject, text: m.body, attachments });
        await inTenant(db, actor, (tx) => q.markSent(tx, m.id, typeof info.messageId === 'string' ? info.messageId : null));
        sent++;
      } catch (err) {
        await inTenant(db, actor, (tx) => q.markFailed(tx, m.id, err instanceof Error ? err.message : String(err)));
      }
    }
    if (ids) return sent;
  }
}

/** Close cached SMTP connections (tests, shutdown). */
export function closeTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

