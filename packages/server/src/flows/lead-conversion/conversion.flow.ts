// Lead conversion 线索转化: a lead becomes a customer (a new one, or the existing customer dedup found and the person
// chose), a contact and an opportunity — in ONE transaction through each owner's function (customers'
// createCustomerTx / createContactTx, opportunities' createOpportunityTx, leads' markLeadConvertedTx), so a failure
// anywhere leaves nothing half-converted. The lead keeps its history and its campaign (the opportunity carries the
// campaign too, which the campaign's ROI follows). Converting twice is refused (409 leads.converted) under the lead's
// row lock; the same Idempotency-Key answers the first result again.
import { can, CUSTOMER_SOURCES, normaliseEmail, normalisePhone, isChineseMobile, type LeadConvert } from '@l2c/shared';
import type { z } from 'zod';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { commonError } from '../../platform/errors.js';
import { withIdempotency, type Stored } from '../../platform/idempotency.js';
import { createContactTx, createCustomerTx, loadVisibleCustomerTx, toCustomer } from '../../domains/customers/index.js';
import { createOpportunityTx } from '../../domains/opportunities/index.js';
import { loadLeadForConversionTx, markLeadConvertedTx } from '../../domains/leads/index.js';

type ConvertInput = z.infer<typeof LeadConvert>;
export interface ConversionResult { leadId: string; customerId: string; customerCreated: boolean; contactId: string | null; opportunityId: string | null }

const SOURCE: Record<string, (typeof CUSTOMER_SOURCES)[number]> = {
  web_form: 'website', api: 'other', manual: 'manual', import: 'import', campaign: 'campaign', referral: 'referral', other: 'other',
};

export async function convertLead(db: Db, auth: AuthContext, leadId: string, input: ConvertInput, idempotencyKey?: string): Promise<Stored<ConversionResult>> {
  if (!input.customerId && !can(auth.role, 'customers', 'create')) throw commonError('forbidden', `Role ${auth.role} may not create customers; convert into an existing customer`);
  if (input.createOpportunity && !can(auth.role, 'opportunities', 'create')) throw commonError('forbidden', `Role ${auth.role} may not create opportunities`);
  return inTenant(db, auth, (tx) => withIdempotency(tx, auth, 'leads.convert', idempotencyKey, { leadId, ...input }, async () => {
    const lead = await loadLeadForConversionTx(tx, auth, leadId);
    const phone = normalisePhone(lead.phone);
    const email = normaliseEmail(lead.email);
    let customerId: string;
    let customerName: string;
    let customerOwner: string | null;
    const customerCreated = !input.customerId;
    if (input.customerId) {
      const existing = toCustomer(await loadVisibleCustomerTx(tx, auth, input.customerId, true));
      ({ id: customerId, name: customerName } = existing);
      customerOwner = existing.owner?.id ?? null;
    } else {
      const name = input.customerName ?? lead.companyName ?? lead.contactName;
      if (!name || name.trim().length < 2) {
        throw commonError('invalid', 'The lead has no company name; give customerName', { errors: [{ path: 'customerName', message: 'required: the lead has no company name' }] });
      }
      const created = await createCustomerTx(tx, auth, {
        name: name.trim(), creditCode: lead.creditCode, industry: lead.industry as never, region: lead.region, grade: null,
        source: SOURCE[lead.source] ?? 'other', phone: phone && !phone.startsWith('+') ? phone : null, address: null, website: null,
        remark: `from lead ${lead.number}`, parentId: null, allowDuplicate: input.allowDuplicate,
        // the lead's owner keeps the account when the converter may assign it; otherwise the converter takes it
        ownerId: lead.owner && can(auth.role, 'customers', 'assign') ? lead.owner.id : undefined,
      });
      ({ id: customerId, name: customerName } = created);
      customerOwner = created.owner?.id ?? null;
    }
    let contactId: string | null = null;
    if (lead.contactName) {
      const contact = await createContactTx(tx, auth, customerId, {
        name: lead.contactName.slice(0, 60), title: lead.title?.slice(0, 60) ?? null,
        mobile: isChineseMobile(phone) ? phone : null, phone: phone && !isChineseMobile(phone) && !phone.startsWith('+') ? phone : null,
        email, decisionRole: 'other', isPrimary: customerCreated, remark: null,
      });
      contactId = contact.id;
    }
    let opportunityId: string | null = null;
    if (input.createOpportunity) {
      const opportunity = await createOpportunityTx(tx, auth, {
        customerId, contactId, name: input.opportunityName ?? `${customerName} · ${lead.number}`, amount: input.amount, currency: input.currency,
        ownerId: lead.owner?.id ?? customerOwner ?? auth.userId, leadId, campaignId: lead.campaign?.id ?? null,
      });
      opportunityId = opportunity.id;
    }
    await markLeadConvertedTx(tx, auth, leadId, { customerId, contactId, opportunityId });
    return { statusCode: 201, body: { leadId, customerId, customerCreated, contactId, opportunityId } };
  }));
}
