-- A quote made from an opportunity (issue 10 §8: won → quote once CPQ exists). The quote keeps the opportunity it was
-- made for; when the customer accepts it, the same transaction wins the opportunity and links the order contract
-- (flows/quote-acceptance), so the funnel, the forecast and the campaign's ROI follow the quote to its cash.
-- Tenant-keyed like every reference: a quote can only name an opportunity of its own tenant.
alter table quotes add column opportunity_id uuid;
alter table quotes add constraint quotes_opportunity_fkey foreign key (tenant_id, opportunity_id) references opportunities (tenant_id, id);
create index quotes_opportunity on quotes (tenant_id, opportunity_id) where opportunity_id is not null;
