// From a campaign check-in to cash in the campaign's ROI, through every domain's own API — the "done when" at
// the HTTP level: the attendee checks in and becomes a lead (scored), is assigned to a rep, converted into customer +
// contact + opportunity (carrying the campaign), the opportunity is won and its draft contract approved and signed,
// a payment is confirmed and written off against the receivable — and the campaign's ROI shows the won amount and the
// collected cash; a reversal of the write-off takes the cash back out. Real HTTP, real database.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type Client } from './helpers.js';
import { contractsWorld, setCredit, signBody, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;
let marketer: Client;
const tag = crypto.randomBytes(3).toString('hex');

async function ok<T = any>(res: { status: number; body: any }, status = 201): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as T;
}

beforeAll(async () => {
  w = await contractsWorld();
  marketer = await login(w.baseUrl, w.t.users.marketer);
});

describe('a campaign attendee to collected cash', () => {
  it('shows the won amount and the cash actually collected in the campaign\'s ROI, rolled up to its parent', async () => {
    const parent = await ok(await marketer.post('/api/v1/campaigns', { name: `华东市场季 ${tag}`, type: 'other', startOn: '2026-09-01', endOn: '2026-12-31', status: 'active' }));
    const salon = await ok(await marketer.post('/api/v1/campaigns', { name: `杭州智能制造沙龙 ${tag}`, type: 'event', parentId: parent.id, startOn: '2026-10-15', endOn: '2026-10-15', status: 'active', budget: '20000.00' }));
    await ok(await marketer.post(`/api/v1/campaigns/${salon.id}/costs`, { category: 'venue', amount: '8000.00', incurredOn: '2026-10-10' }));
    await ok(await marketer.post(`/api/v1/campaigns/${salon.id}/costs`, { category: 'catering', amount: '2000.00', incurredOn: '2026-10-15' }));

    // The attendee registers, comes, checks in: a lead of the campaign, scored for the check-in.
    const member = await ok(await marketer.post(`/api/v1/campaigns/${salon.id}/members`, { name: '严立', company: `湖州精密传动${tag}有限公司`, phone: '13512340000', status: 'registered' }));
    const checked = await ok(await marketer.post(`/api/v1/campaign-members/${member.id}/check-in`, {}), 200);
    const leadId = checked.lead.id as string;
    const lead = (await ok(await w.admin.get(`/api/v1/leads/${leadId}`), 200)).lead;
    expect(lead).toMatchObject({ source: 'campaign', status: 'raw' });
    expect(lead.campaign.id).toBe(salon.id);
    expect(lead.inPool).toBe(true); // no assignment rule yet: the lead pool, until someone assigns it
    const score = await ok(await w.admin.get(`/api/v1/leads/${leadId}/score`), 200);
    expect(Number(score.score)).toBeGreaterThan(0);

    // Assigned to the rep, who converts it: customer + contact + opportunity of 113,000.00 carrying the campaign.
    await ok(await w.admin.post(`/api/v1/leads/${leadId}/assign`, { ownerId: w.t.users.repEast.id, version: lead.version }), 200);
    const converted = await ok(await w.rep.post(`/api/v1/leads/${leadId}/convert`, { opportunityName: `传动线改造 ${tag}`, amount: '113000.00', allowDuplicate: true }));
    const opp = await ok(await w.rep.get(`/api/v1/opportunities/${converted.opportunityId}`), 200);
    expect(opp.campaign?.id ?? opp.campaignId).toBe(salon.id);

    // Won → a draft order contract; the rep adds the payment plan, it is approved and signed: the receivable is booked.
    const won = await ok(await w.rep.post(`/api/v1/opportunities/${opp.id}/win`, { version: opp.version }), 200);
    await setCredit(w.db, w.t.tenantId, converted.customerId, '1000000.00');
    const draft = await ok(await w.rep.get(`/api/v1/contracts/${won.contractId}`), 200);
    expect(draft.amountInclTax ?? draft.amount).toBe('113000.00');
    await ok(await w.rep.patch(`/api/v1/contracts/${draft.id}`, { planTemplate: 'full_on_signing', paymentTermDays: 30, version: draft.version }), 200);
    const submitted = await ok(await w.rep.post(`/api/v1/contracts/${draft.id}/submit`, {}), 200);
    const approvers: Record<string, Client> = {
      [w.t.users.managerEast.id]: w.manager, [w.t.users.managerNorth.id]: w.managerNorth, [w.t.users.finance.id]: w.finance,
      [w.t.users.exec.id]: w.exec, [w.t.users.admin.id]: w.admin,
    };
    for (const step of submitted.approval.steps as Array<{ approverIds: string[] }>) {
      await ok(await approvers[step.approverIds[0]!]!.post(`/api/v1/approvals/${submitted.approval.id}/approve`, { comment: 'ok' }), 200);
    }
    const approved = await ok(await w.rep.get(`/api/v1/contracts/${draft.id}`), 200);
    const signed = await ok(await w.rep.post(`/api/v1/contracts/${draft.id}/sign`, signBody(approved.version)), 200);
    const receivableId = signed.instalments[0].receivableId as string;

    // Before any money: won 113,000.00 against a cost of 10,000.00 → (113000 − 10000) / 10000 = 10.3; no cash yet.
    let roi = await ok(await marketer.get(`/api/v1/campaigns/${salon.id}/roi`), 200);
    expect(roi.own).toMatchObject({ actualCost: '10000.00', checkedIn: 1, leads: 1, converted: 1, won: 1, wonAmount: '113000.00', collected: '0.00', roiWon: '10.3000', roiCollected: '-1.0000' });

    // 56,500.00 of a 60,000.00 payment written off against the receivable: that, not the payment, is the cash.
    const payment = await ok(await w.rep.post('/api/v1/payments', { customerId: converted.customerId, amount: '60000.00', receivedOn: '2026-11-20' }));
    await ok(await w.finance.post(`/api/v1/payments/${payment.id}/confirm`, { version: payment.version }), 200);
    const writeOff = await ok(await w.finance.post('/api/v1/write-offs', {
      customerId: converted.customerId, appliedOn: '2026-11-21', lines: [{ receivableId, amount: '56500.00', source: { type: 'payment', paymentId: payment.id } }],
    }));
    roi = await ok(await marketer.get(`/api/v1/campaigns/${salon.id}/roi`), 200);
    // (56500 − 10000) / 10000 = 4.65
    expect(roi.own).toMatchObject({ collected: '56500.00', roiCollected: '4.6500' });
    const top = await ok(await marketer.get(`/api/v1/campaigns/${parent.id}`), 200);
    expect(top.rollup).toMatchObject({ actualCost: '10000.00', leads: 1, won: 1, wonAmount: '113000.00', collected: '56500.00', roiCollected: '4.6500' });
    expect(top.own).toMatchObject({ collected: '0.00', roiCollected: null });
    // The rep's manager sees the opportunity behind the figure with its contract and cash; the marketer only the sums.
    const forManager = await ok(await w.admin.get(`/api/v1/campaigns/${salon.id}/roi`), 200);
    expect(forManager.opportunities).toEqual([expect.objectContaining({ id: opp.id, status: 'won', amount: '113000.00', contractNumber: signed.number, collected: '56500.00' })]);

    // A reversal 反核销 takes the cash back out of the ROI.
    await ok(await w.finance.post(`/api/v1/write-offs/${writeOff.id}/reverse`, { reason: '核销错误' }));
    expect((await ok(await marketer.get(`/api/v1/campaigns/${salon.id}`), 200)).own).toMatchObject({ collected: '0.00', roiCollected: '-1.0000' });
  });
});
