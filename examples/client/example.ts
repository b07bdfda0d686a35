// An integrator's script, typed by the client generated from the served API document (a server on :3000, or
// L2C_API_URL):  npm run api:client   (= openapi-typescript <server>/api/openapi.json -o examples/client/l2c-api.d.ts)
// It logs in, lists customers, registers a payment that is confirmed and written off against the oldest open
// receivables in the same request (idempotent: a retry with the same key books nothing new), and reads the aging.
// packages/server/test/openapi.test.ts generates the types, type-checks this file against them and runs it against a
// test server, so the document cannot drift from the API.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './l2c-api.js';

type Problem = components['schemas']['Problem'];

export interface ExampleResult {
  customers: string[];
  payment: { number: string; status: string; amountUnapplied: string; replayed: boolean };
  aging: { asOf: string; currency: string; totalOpen: string; overdue: string };
}

/** The problem document's code and detail, for a readable failure. */
function fail(step: string, error: Problem | undefined, status: number): never {
  throw new Error(`${step}: HTTP ${status} ${error?.code ?? ''} ${error?.detail ?? ''}`.trim());
}

export async function runExample(baseUrl: string, email: string, password: string, customerName: string): Promise<ExampleResult> {
  const api = createClient<paths>({ baseUrl });

  // 1. Log in: the answer's token is a bearer token for every further call.
  const login = await api.POST('/api/v1/auth/login', { body: { email, password } });
  if (!login.data) fail('login', login.error, login.response.status);
  const token = login.data.token;
  const auth: Middleware = { onRequest: ({ request }) => { request.headers.set('authorization', `Bearer ${token}`); return request; } };
  api.use(auth);

  // 2. List customers: a cursor page; follow nextCursor until null.
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.GET('/api/v1/customers', { params: { query: { q: customerName, limit: 50, cursor } } });
    if (!page.data) fail('list customers', page.error, page.response.status);
    names.push(...page.data.items.map((c) => c.name));
    cursor = page.data.nextCursor ?? undefined;
  } while (cursor);
  const first = await api.GET('/api/v1/customers', { params: { query: { q: customerName, limit: 1 } } });
  const customer = first.data?.items[0];
  if (!customer) throw new Error(`no customer named ${customerName}`);

  // 3. Register a payment, confirm it and write it off against the oldest open receivables, in one request.
  const receivedOn = new Date().toISOString().slice(0, 10);
  const idempotencyKey = `example-${customer.id}-${receivedOn}`;
  const body = { customerId: customer.id, amount: '1500.00', currency: 'CNY' as const, receivedOn, confirm: true, autoApply: 'oldest_due' as const, bankReference: idempotencyKey };
  const paid = await api.POST('/api/v1/payments', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body });
  if (!paid.data) fail('register payment', paid.error, paid.response.status);
  // a retry after a lost answer: the same key and body give the same payment, nothing booked twice
  const again = await api.POST('/api/v1/payments', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body });
  if (!again.data) fail('retry payment', again.error, again.response.status);
  if (again.data.id !== paid.data.id) throw new Error('the retry booked a second payment');

  // 4. Read the aging 账龄 as of today.
  const aging = await api.GET('/api/v1/aging', { params: { query: { asOf: receivedOn } } });
  if (!aging.data) fail('aging', aging.error, aging.response.status);

  return {
    customers: names,
    payment: { number: paid.data.number, status: paid.data.status, amountUnapplied: paid.data.amountUnapplied, replayed: again.response.headers.get('idempotent-replayed') === 'true' },
    aging: { asOf: aging.data.asOf, currency: aging.data.currency, totalOpen: aging.data.totals.total, overdue: aging.data.totals.overdue },
  };
}
