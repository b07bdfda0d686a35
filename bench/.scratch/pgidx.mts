import pg from 'pg';
const c = new pg.Client({ connectionString: process.env.DATABASE_URL }); await c.connect();
await c.query(`drop index receivables_open_aging`);
await c.query(`create index receivables_open_aging on receivables (tenant_id, due_date) include (amount_open, customer_id, owner_id, business_date, currency, contract_id, id) where amount_open > 0 and kind = 'invoice'`);
await c.query(`create index receivables_booked on receivables (tenant_id, business_date) include (amount, currency, owner_id, customer_id)`);
await c.query('vacuum analyze receivables');
await c.end();
