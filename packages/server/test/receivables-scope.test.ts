// Who sees money owed: a receivable is visible when its own owner or its customer's owner is in the caller's data
// scope (own / team with sub-teams / all). One rule serves the list, the single read and the aging report.
import { beforeAll, describe, expect, it } from 'vitest';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let t: TestTenant;
let finance: Client, repEast: Client, repEastSub: Client, repNorth: Client, managerEast: Client, other: Client;
const numbers: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  const h = await testApp();
  t = await makeTenant(h.db);
  const t2 = await makeTenant(h.db);
  [finance, repEast, repEastSub, repNorth, managerEast, other] = await Promise.all([
    login(h.baseUrl, t.users.finance), login(h.baseUrl, t.users.repEast), login(h.baseUrl, t.users.repEastSub),
    login(h.baseUrl, t.users.repNorth), login(h.baseUrl, t.users.managerEast), login(h.baseUrl, t2.users.finance),
  ]);
  const eastCustomer = (await repEast.post('/api/v1/customers', { name: '杭州东区应收范围测试有限公司' })).body.id;
  const northCustomer = (await repNorth.post('/api/v1/customers', { name: '天津北区应收范围测试有限公司' })).body.id;
  const book = async (key: string, customerId: string, amount: string, ownerId?: string) => {
    const res = await finance.post('/api/v1/receivables', { customerId, amount, dueDate: '2026-10-31', reason: '期初应收导入', ...(ownerId ? { ownerId } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    numbers[key] = res.body.number;
    ids[key] = res.body.id;
  };
  await book('east', eastCustomer, '1000.00', t.users.repEast.id);
  await book('north', northCustomer, '2000.00', t.users.repNorth.id);
  // north's customer, but the receivable is the east-Shanghai rep's to collect (e.g. a delivery they handled)
  await book('northBySub', northCustomer, '300.50', t.users.repEastSub.id);
});

async function visible(c: Client): Promise<string[]> {
  const res = await c.get('/api/v1/receivables?limit=200');
  expect(res.status).toBe(200);
  const mine = new Set(Object.values(numbers));
  return res.body.items.map((r: { number: string }) => r.number).filter((n: string) => mine.has(n)).sort();
}

describe('receivables data scope', () => {
  it('own: the receivables a rep owns or that are on their customers', async () => {
    expect(await visible(repEast)).toEqual([numbers.east]);
    expect(await visible(repNorth)).toEqual([numbers.north, numbers.northBySub].sort());
    expect(await visible(repEastSub)).toEqual([numbers.northBySub]);
  });

  it('team: a manager sees the team and its sub-teams; finance sees all', async () => {
    expect(await visible(managerEast)).toEqual([numbers.east, numbers.northBySub].sort());
    expect(await visible(finance)).toEqual([numbers.east, numbers.north, numbers.northBySub].sort());
  });

  it('out of scope is a 404 on read, for another team and another tenant alike', async () => {
    expect((await repEast.get(`/api/v1/receivables/${ids.north}`)).status).toBe(404);
    expect((await repEastSub.get(`/api/v1/receivables/${ids.northBySub}`)).body.amountOpen).toBe('300.50');
    expect((await other.get(`/api/v1/receivables/${ids.east}`)).status).toBe(404);
    expect(await visible(other)).toEqual([]);
  });

  it('the aging report counts the same receivables for the same caller', async () => {
    const total = async (c: Client) => {
      const res = await c.get('/api/v1/aging');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return [res.body.totals.count, res.body.totals.total];
    };
    expect(await total(repEast)).toEqual([1, '1000.00']);
    expect(await total(repNorth)).toEqual([2, '2300.50']);
    expect(await total(repEastSub)).toEqual([1, '300.50']);
    expect(await total(managerEast)).toEqual([2, '1300.50']);
  });
});
