// Won → a draft order contract. The contract's lines are the opportunity's at their prices (taken as including the
// 13 % VAT, the contracts' default, so the contract's amount with tax is the opportunity's amount); the rep completes
// the tax rates, payment plan and terms on the draft before submitting it for approval.
import type { z } from 'zod';
import { ContractInput, type OpportunityWin } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { commonError } from '../../platform/errors.js';
import { createContractTx } from '../../domains/contracts/index.js';
import { linkContractTx, markWonTx, opportunityTx, type WonOpportunity } from '../../domains/opportunities/index.js';

export const DEFAULT_TAX_RATE = '0.13';

export function contractInputFor(o: WonOpportunity): ContractInput {
  const lines = o.lines.length > 0
    ? o.lines.map((l) => ({ productCode: l.productCode, description: l.productName, quantity: l.quantity, unitPrice: l.unitPrice, discountRate: l.discountRate, taxRate: DEFAULT_TAX_RATE }))
    : Number(o.amount) > 0 ? [{ description: o.name, quantity: '1', unitPrice: o.amount, taxRate: DEFAULT_TAX_RATE }] : [];
  const parsed = ContractInput.safeParse({
    kind: 'order', customerId: o.customerId, title: o.name.length >= 2 ? o.name : `${o.number} ${o.name}`, currency: o.currency,
    pricesIncludeTax: true, ownerId: o.ownerId, lines, productScope: null,
  });
  if (!parsed.success) {
    throw commonError('invalid', 'The opportunity cannot become a contract as it is', { errors: parsed.error.issues.map((i) => ({ path: `contract.${i.path.join('.')}`, message: i.message })) });
  }
  return parsed.data;
}

export async function winOpportunity(db: Db, auth: AuthContext, id: string, input: z.infer<typeof OpportunityWin>) {
  return inTenant(db, auth, async (tx) => {
    const won = await markWonTx(tx, auth, id, input.version);
    let contract: { id: string; number: string } | null = null;
    if (input.createContract) {
      const c = await createContractTx(tx, auth, contractInputFor(won));
      await linkContractTx(tx, auth, id, c.id);
      contract = { id: c.id, number: c.number };
    }
    return { opportunity: await opportunityTx(tx, auth, id), contractId: contract?.id ?? null, contractNumber: contract?.number ?? null };
  });
}
