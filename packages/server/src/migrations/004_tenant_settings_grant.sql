-- Admins change their tenant's settings (pool rules) from the app: the application role may update the settings
-- column of its own tenant row only (the tenant_self policy confines it).
grant update (settings) on tenants to l2c_app;
drop policy if exists tenant_self on tenants;
create policy tenant_self on tenants using (id = app_tenant_id()) with check (id = app_tenant_id());
