// A small industrial-IoT catalog for the pricing and quote tests: a gateway, a sensor, a yearly platform licence
// (service, 6 %), a mug to give away, and a configurable kit (bundle: one gateway required, 0–10 sensors optional,
// two by default). Written as the owner role straight into the catalog's tables — these tests are about prices and
// quotes, the catalog's own API has its own tests.
import { sql } from 'kysely';
import { asSystem, type Db } from '../src/platform/db.js';

export interface CpqCatalog {
  lineIot: string;
  gateway: string; sensor: string; licence: string; mug: string; kit: string;
  kitGatewayOption: string; kitSensorOption: string;
}

export async function makeCatalog(db: Db, tenantId: string, tag = ''): Promise<CpqCatalog> {
  return asSystem(db, async (tx) => {
    const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(tx)).rows[0] as T;
    const line = await one<{ id: string }>(sql`insert into product_lines (tenant_id, code, name) values (${tenantId}, ${`IOT${tag}`}, '物联网') returning id`);
    const unit = await one<{ id: string }>(sql`insert into catalog_units (tenant_id, code, name) values (${tenantId}, ${`pc${tag.toLowerCase()}`}, '台') returning id`);
    const sku = async (code: string, name: string, kind: string, tax: string, price: string, cost: string | null, bundle = false) => {
      const spu = await one<{ id: string }>(sql`insert into spus (tenant_id, code, name, kind, product_line_id, base_unit_id, tax_rate)
        values (${tenantId}, ${`${code}${tag}`}, ${name}, ${kind}, ${line.id}, ${unit.id}, ${tax}::numeric) returning id`);
      return (await one<{ id: string }>(sql`insert into skus (tenant_id, spu_id, code, name, list_price, cost, is_bundle)
        values (${tenantId}, ${spu.id}, ${`${code}${tag}`}, ${name}, ${price}::numeric, ${cost}::numeric, ${bundle}) returning id`)).id;
    };
    const gateway = await sku('GW-100', '边缘网关 GW-100', 'goods', '0.13', '1000.00', '600');
    const sensor = await sku('SEN-T', '温度传感器', 'goods', '0.13', '200.00', '80');
    const licence = await sku('LIC-Y', '平台年费', 'service', '0.06', '500.00', '100');
    const mug = await sku('MUG', '纪念马克杯', 'goods', '0.13', '30.00', '12');
    const kit = await sku('KIT-1', '监测套装', 'goods', '0.13', '0.00', null, true);
    const gGw = await one<{ id: string }>(sql`insert into bundle_groups (tenant_id, bundle_sku_id, code, name, required, min_options, max_options) values (${tenantId}, ${kit}, 'gw', '网关', true, 1, 1) returning id`);
    const gSen = await one<{ id: string }>(sql`insert into bundle_groups (tenant_id, bundle_sku_id, code, name, required, min_options, max_options, position) values (${tenantId}, ${kit}, 'sensors', '传感器', false, 0, 1, 1) returning id`);
    const kitGatewayOption = (await one<{ id: string }>(sql`insert into bundle_options (tenant_id, bundle_sku_id, group_id, sku_id, is_default, default_qty, min_qty, max_qty) values (${tenantId}, ${kit}, ${gGw.id}, ${gateway}, true, 1, 1, 1) returning id`)).id;
    const kitSensorOption = (await one<{ id: string }>(sql`insert into bundle_options (tenant_id, bundle_sku_id, group_id, sku_id, is_default, default_qty, min_qty, max_qty) values (${tenantId}, ${kit}, ${gSen.id}, ${sensor}, true, 2, 1, 10) returning id`)).id;
    return { lineIot: line.id, gateway, sensor, licence, mug, kit, kitGatewayOption, kitSensorOption };
  });
}
