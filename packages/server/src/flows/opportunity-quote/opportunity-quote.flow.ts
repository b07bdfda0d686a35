// Opportunity → quote 商机转报价: a draft quote for the opportunity's customer, titled by the opportunity, with one line
// per opportunity line — a catalog product (its id, or a product code the catalog sells as a plain SKU) as the catalog
// line, priced by the pricing engine from the price books with the rep's discount kept; anything else as a free line
// at the opportunity's unit price — or, without lines, one free line for the amount. The quote keeps the opportunity; accepting it wins the opportunity (flows/quote-acceptance). One
// transaction: the opportunity read (in the caller's scope, still open), the quote created and priced.
import { addDays, dec, QuoteCreate, type Quote } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { commonError } from '../../platform/errors.js';
import { todayFor } from '../../platform/clock.js';
import { quotableOpportunityTx, type QuotableOpportunity } from '../../domains/opportunities/index.js';
import { createQuoteTx } from '../../domains/quotes/index.js';
import { findSkusByCodeTx } from '../../domains/catalog/index.js';

/** How long a quote made from an opportunity is valid unless the rep says otherwise. */
export const DEFAULT_VALID_DAYS = 30;

/** `skuByCode`: catalog SKUs (active, not bundles: a bundle needs its configuration) for lines that name only a code. */
export function quoteInputFor(o: QuotableOpportunity, validUntil: string, skuByCode: Map<string, string> = new Map()): QuoteCreate {
  const skuOf = (l: QuotableOpportunity['lines'][number]) => l.productId ?? (l.productCode ? skuByCode.get(l.productCode) ?? null : null);
  const lines = o.lines.length > 0
    ? o.lines.map((l) => {
      const skuId = skuOf(l);
      return skuId
        ? { skuId, quantity: l.quantity, discountRate: l.discountRate }
        : { skuId: null, description: l.productName, quantity: l.quantity, unitPrice: l.unitPrice, discountRate: l.discountRate };
    })
    : dec(o.amount).gt(0) ? [{ skuId: null, description: o.name, quantity: '1', unitPrice: o.amount }] : [];
  const parsed = QuoteCreate.safeParse({ customerId: o.customerId, title: o.name, validUntil, lines });
  if (!parsed.success) {
    throw commonError('invalid', 'The opportunity cannot become a quote as it is', { errors: parsed.error.issues.map((i) => ({ path: `quote.${i.path.join('.')}`, message: i.message })) });
  }
  return parsed.data;
}

export async function quoteOpportunity(db: Db, auth: AuthContext, id: string, input: { validUntil?: string | undefined }): Promise<Quote> {
  return inTenant(db, auth, async (tx) => {
    const o = await quotableOpportunityTx(tx, auth, id);
    const codes = [...new Set(o.lines.filter((l) => !l.productId && l.productCode).map((l) => l.productCode!))];
    const skus = codes.length > 0 ? await findSkusByCodeTx(tx, codes) : [];
    const skuByCode = new Map(skus.filter((k) => k.status === 'active' && !k.isBundle).map((k) => [k.code, k.id]));
    return createQuoteTx(tx, auth, quoteInputFor(o, input.validUntil ?? addDays(todayFor(auth), DEFAULT_VALID_DAYS), skuByCode), o.id);
  });
}
