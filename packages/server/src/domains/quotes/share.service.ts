// The customer's copy: the PDF, and an expiring read-only share link. A link's token is 32 random bytes shown once;
// only its hash is kept, and it names no tenant (found as the owner role, like a password link). What it shows is the
// current version's prices — never costs, margins or the trace.
import { asSystem, inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { hashToken, newToken } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { readCompanyProfile } from '../../platform/tenants.js';
import { businessDate, todayFor } from '../../platform/clock.js';
import { quoteError } from './quotes.errors.js';
import { currentSnapshot, loadVisible } from './quotes.service.js';
import { quotePdf } from './quote.pdf.js';
import * as q from './quotes.sql.js';

async function pdfOf(tx: Tx, row: q.QuoteRow, date: string): Promise<Buffer> {
  const snap = await currentSnapshot(tx, row);
  if (!snap) throw quoteError('lines_missing');
  const groups = new Map((await q.linesOf(tx, row.id)).map((l) => [l.position, l.group_name]));
  return quotePdf({
    number: row.number, title: row.title, customer: row.customer_name, owner: row.owner_name, validUntil: row.valid_until, date, currency: row.currency,
    pricesIncludeTax: row.prices_include_tax, versionSeq: row.seq ?? 0, contentHash: row.content_hash ?? '', notes: row.notes,
    lines: snap.content.lines.map((l) => ({
      position: l.position, group: groups.get(l.position) ?? null, name: l.name, code: l.code, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice,
      discountAmount: l.discountAmount, amountInclTax: l.amountInclTax, taxRate: l.taxRate, gift: l.gift,
    })),
    totals: snap.content.totals as { listAmount: string; discountAmount: string; amountExclTax: string; taxAmount: string; amountInclTax: string },
  }, await readCompanyProfile(tx));
}

export async function quotePdfFor(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id);
    return { number: row.number, data: await pdfOf(tx, row, todayFor(auth)) };
  });
}

export async function createShareLink(db: Db, auth: AuthContext, id: string, days: number) {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id);
    if (!row.current_version_id) throw quoteError('lines_missing');
    if (row.status === 'rejected' || row.status === 'expired') throw quoteError('bad_status', `The quote is ${row.status}`);
    const token = newToken('qs');
    const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
    const linkId = await q.insertShareLink(tx, { tenantId: auth.tenantId, quoteId: id, tokenHash: hashToken(token), expiresAt, userId: auth.userId });
    await recordAudit(tx, auth, { action: 'share', entityType: 'quote', entityId: id, changes: [{ field: 'shareLink', before: null, after: `expires ${expiresAt}` }] });
    return { id: linkId, token, path: `/api/v1/public/quotes/${token}/pdf`, expiresAt };
  });
}

async function withLink<T>(db: Db, token: string, fn: (tx: Tx, row: q.QuoteRow, link: { expires_at: unknown }, tz: Actor) => Promise<T>): Promise<T> {
  const link = await asSystem(db, (tx) => q.findShareLink(tx, hashToken(token)));
  if (!link) throw quoteError('link_invalid');
  const actor: Actor = { tenantId: link.tenant_id, userId: null, requestId: 'share-link' };
  return inTenant(db, actor, async (tx) => {
    const row = await q.findQuote(tx, link.quote_id, q.anyScope);
    if (!row) throw quoteError('link_invalid');
    return fn(tx, row, link, actor);
  });
}

export async function publicQuote(db: Db, token: string) {
  return withLink(db, token, async (tx, row, link) => {
    const snap = await currentSnapshot(tx, row);
    if (!snap) throw quoteError('link_invalid');
    const groups = new Map((await q.linesOf(tx, row.id)).map((l) => [l.position, l.group_name]));
    const t = snap.content.totals;
    return {
      number: row.number, title: row.title, seller: (await readCompanyProfile(tx)).legalName, customer: row.customer_name, currency: row.currency,
      validUntil: row.valid_until, status: row.status,
      lines: snap.content.lines.map((l) => ({ position: l.position, group: groups.get(l.position) ?? null, description: l.name, quantity: l.quantity, unit: l.unit, unitPrice: l.gift ? '0.00' : l.unitPrice, discountAmount: l.discountAmount, amountInclTax: l.amountInclTax, gift: l.gift })),
      totals: { listAmount: t.listAmount!, discountAmount: t.discountAmount!, amountExclTax: t.amountExclTax!, taxAmount: t.taxAmount!, amountInclTax: t.amountInclTax! },
      expiresAt: new Date(String(link.expires_at)).toISOString(),
    };
  });
}

export async function publicPdf(db: Db, token: string) {
  return withLink(db, token, async (tx, row) => ({ number: row.number, data: await pdfOf(tx, row, businessDate(new Date())) }));
}
