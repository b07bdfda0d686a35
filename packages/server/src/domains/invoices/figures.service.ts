// Invoiced / uninvoiced / paid of a receivable or a contract: what the receivable and contract pages show. Invoicing
// before payment and after it are both allowed; the figures say where each stands.
import { dec, roundMoney, type InvoicingFigures } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { invoiceError } from './invoices.errors.js';
import * as s from './sources.sql.js';

function figures(r: s.FiguresRow): InvoicingFigures {
  const m = (v: string | ReturnType<typeof dec>) => roundMoney(v, r.currency);
  return {
    currency: r.currency, amount: m(r.amount), requested: m(r.requested), invoiced: m(r.invoiced),
    uninvoiced: m(dec(r.amount).minus(dec(r.requested)).minus(dec(r.invoiced))), paid: m(r.paid),
  };
}

export async function receivableInvoicing(db: Db, auth: AuthContext, id: string): Promise<InvoicingFigures> {
  return inTenant(db, auth, async (tx) => {
    const r = await s.receivableFigures(tx, id, s.ownerScope('r', 'owner_id', auth.userId, auth.scope));
    if (!r) throw invoiceError('record_not_found', 'Receivable not found');
    return figures(r);
  });
}

export async function contractInvoicing(db: Db, auth: AuthContext, id: string): Promise<InvoicingFigures> {
  return inTenant(db, auth, async (tx) => {
    const r = await s.contractFigures(tx, id, s.ownerScope('k', 'owner_id', auth.userId, auth.scope));
    if (!r) throw invoiceError('record_not_found', 'Contract not found');
    return figures(r);
  });
}
