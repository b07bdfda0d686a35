// The contract list people use (issue 9 §6): each contract shows what was collected against it — payments written off
// against its receivables — what is still to collect and the progress, exactly, in the list and on the contract.
import { beforeAll, describe, expect, it } from 'vitest';
import { approvedContract, contractsWorld, newCustomer, orderBody, setCredit, signBody, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;
let customerId: string;
let contractId: string;

beforeAll(async () => {
  w = await contractsWorld();
  customerId = await newCustomer(w.rep);
  await setCredit(w.db, w.t.tenantId, customerId, '5000000.00');
  const c = await approvedContract(w, orderBody(customerId)); // ¥113,000.00 with tax, 100 % on signing
  contractId = c.id;
  const signed = await w.rep.post(`/api/v1/contracts/${c.id}/sign`, signBody(c.version));
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
});

describe('collected per contract', () => {
  it('nothing collected yet: the whole amount is still to collect', async () => {
    const list = await w.rep.get(`/api/v1/contracts?customerId=${customerId}`);
    expect(list.body.items[0]).toMatchObject({ id: contractId, amountInclTax: '113000.00', amountCollected: '0.00', amountUncollected: '113000.00', collectedPercent: '0.0' });
  });

  it('a payment written off against its receivable counts; a reversal takes it back', async () => {
    const p = await w.finance.post('/api/v1/payments', { customerId, amount: '45200.00', receivedOn: '2026-03-20', confirm: true, autoApply: 'oldest_due' });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    const list = await w.rep.get(`/api/v1/contracts?customerId=${customerId}`);
    expect(list.body.items[0]).toMatchObject({ amountCollected: '45200.00', amountUncollected: '67800.00', collectedPercent: '40.0' });
    expect((await w.rep.get(`/api/v1/contracts/${contractId}`)).body).toMatchObject({ amountCollected: '45200.00', amountUncollected: '67800.00' });
    const writeOffs = await w.finance.get(`/api/v1/write-offs?customerId=${customerId}`);
    const rev = await w.finance.post(`/api/v1/write-offs/${writeOffs.body.items[0].id}/reverse`, { reason: '核销有误' });
    expect(rev.status, JSON.stringify(rev.body)).toBe(201);
    expect((await w.rep.get(`/api/v1/contracts?customerId=${customerId}`)).body.items[0]).toMatchObject({ amountCollected: '0.00', amountUncollected: '113000.00' });
  });
});
