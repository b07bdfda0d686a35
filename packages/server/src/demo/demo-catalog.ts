// Demo catalog 产品目录 of 云帆 (industrial IoT): hardware (the IG-500 gateway in three variants — the 4-port 5G one is
// not made — the EC-200 edge box, a temperature sensor sold by the piece or by the box of 10), cloud licences (the
// device cloud in three editions, per year), services (installation, training by the man-day) and an MES project; and
// the 智慧工厂入门套装 bundle — gateway, platform, sensors, services, with an edge node kit as a second level — whose
// rules say the 5G gateway needs the Pro platform, the enterprise edition needs installation, and at most one training
// day per 10 sensors. 周静 (finance) is a product manager besides the admin. Built through the catalog's own service
// functions, as a product manager would; then the demo contracts' free-text lines (demo-revenue.ts) are linked to
// the SKUs they always meant, so the aging report groups them by the catalog's product lines.
import { sql } from 'kysely';
import type { BundleStructureInput, SpuInput } from '@l2c/shared';
import { asSystem, type Db } from '../platform/db.js';
import type { AuthContext } from '../platform/auth.js';
import {
  createProductLine, createSku, createSpu, createUnit, findSkusByCodeTx, generateSkus, saveBundle, setManagers, updateSku,
} from '../domains/catalog/index.js';

async function actor(db: Db, tenantId: string, email: string): Promise<AuthContext> {
  const u = await asSystem(db, async (tx) => (await sql<{ id: string; role: AuthContext['role']; team_id: string | null; name: string }>`
    select id, role, team_id, name from users where tenant_id = ${tenantId} and email = ${email}`.execute(tx)).rows[0]!);
  return { tenantId, userId: u.id, role: u.role, teamId: u.team_id, scope: 'all', name: u.name, tokenId: '00000000-0000-0000-0000-000000000000', via: 'bearer', timeZone: 'Asia/Shanghai', requestId: 'demo' };
}

const NOBODY = { grades: null, channels: null, regions: null };
// Sample 税收分类编码 (19 digits) of the kinds of goods and services sold; the invoice carries the SPU's.
const TAX = { hardware: '1090511990000000000', software: '1060201070000000000', install: '3050200000000000000', it: '3040203000000000000' };

/** The demo catalog; returns SKU ids by code (for the quotes demo). */
export async function demoCatalog(db: Db, tenantId: string): Promise<Record<string, string>> {
  const admin = await actor(db, tenantId, 'admin@demo.l2c.cn');
  const finance = await actor(db, tenantId, 'zhou.jing@demo.l2c.cn');
  await setManagers(db, admin, { userIds: [finance.userId] });

  const unit: Record<string, string> = {};
  for (const [code, name] of [['pcs', '台'], ['box', '箱'], ['year', '年'], ['item', '项'], ['manday', '人天'], ['set', '套']] as const) {
    unit[code] = (await createUnit(db, finance, { code, name })).id;
  }
  const line: Record<string, string> = {};
  for (const [code, name] of [['HW', '硬件'], ['CLOUD', '云服务'], ['SVC', '实施服务']] as const) {
    line[code] = (await createProductLine(db, finance, { code, name, active: true })).id;
  }
  const spu = (p: Partial<SpuInput> & Pick<SpuInput, 'code' | 'name' | 'kind' | 'baseUnitId' | 'taxRate'>): SpuInput => ({
    productLineId: null, taxCode: null, description: null, attributes: [], exclusions: [], units: [], sellable: NOBODY, status: 'active', ...p,
  });

  // Hardware: the gateway's variants from its specification, minus the 4-port 5G combination.
  const gateway = await createSpu(db, finance, spu({
    code: 'IG-500', name: '工业物联网网关 IG-500', kind: 'goods', productLineId: line.HW!, baseUnitId: unit.pcs!, taxRate: '0.13', taxCode: TAX.hardware,
    attributes: [
      { code: 'ports', name: '网口', values: [{ code: '4p', name: '4口' }, { code: '8p', name: '8口' }] },
      { code: 'net', name: '通信', values: [{ code: '4g', name: '4G' }, { code: '5g', name: '5G' }] },
    ],
    exclusions: [{ ports: '4p', net: '5g' }],
  }));
  await generateSkus(db, finance, gateway.id, { version: gateway.version, listPrice: '12800.00', cost: '7600' });
  const edge = await createSpu(db, finance, spu({ code: 'EC-200', name: '边缘计算盒 EC-200', kind: 'goods', productLineId: line.HW!, baseUnitId: unit.pcs!, taxRate: '0.13', taxCode: TAX.hardware }));
  await createSku(db, finance, { spuId: edge.id, code: 'EC-200', name: '边缘计算盒 EC-200', attributeValues: {}, listPrice: '26800.00', cost: '15200', isBundle: false, status: 'active' });
  const sensor = await createSpu(db, finance, spu({
    code: 'SEN-T', name: '无线温度传感器', kind: 'goods', productLineId: line.HW!, baseUnitId: unit.pcs!, taxRate: '0.13', taxCode: TAX.hardware,
    units: [{ unitId: unit.box!, factor: '10' }],
  }));
  await createSku(db, finance, { spuId: sensor.id, code: 'SEN-T', name: '无线温度传感器', attributeValues: {}, listPrice: '380.00', cost: '150', isBundle: false, status: 'active' });

  // Cloud: the device cloud in three editions, licensed per year (a virtual good: delivered as a key).
  const cloud = await createSpu(db, finance, spu({
    code: 'SAAS', name: '云帆设备云平台', kind: 'virtual', productLineId: line.CLOUD!, baseUnitId: unit.year!, taxRate: '0.06', taxCode: TAX.software,
    attributes: [{ code: 'ed', name: '版本', values: [{ code: 'std', name: '标准版' }, { code: 'pro', name: '专业版' }, { code: 'ent', name: '企业版' }] }],
  }));
  await generateSkus(db, finance, cloud.id, { version: cloud.version, listPrice: '60000.00', cost: '12000' });
  const prices: Record<string, [string, string]> = { 'SAAS-PRO': ['120000.00', '21000'], 'SAAS-ENT': ['180000.00', '30000'] };
  for (const [code, [listPrice, cost]] of Object.entries(prices)) {
    const [k] = await asSystem(db, (tx) => findSkusByCodeTx(tx, [code]));
    await updateSku(db, finance, k!.id, { version: k!.version, listPrice, cost });
  }

  // Services and a project (fulfilment will stage it).
  const install = await createSpu(db, finance, spu({ code: 'SVC-INS', name: '现场安装调试服务', kind: 'service', productLineId: line.SVC!, baseUnitId: unit.item!, taxRate: '0.06', taxCode: TAX.install }));
  await createSku(db, finance, { spuId: install.id, code: 'SVC-INS', name: '现场安装调试服务', attributeValues: {}, listPrice: '15000.00', cost: '6000', isBundle: false, status: 'active' });
  const training = await createSpu(db, finance, spu({ code: 'SVC-TRAIN', name: '操作培训', kind: 'service', productLineId: line.SVC!, baseUnitId: unit.manday!, taxRate: '0.06', taxCode: TAX.it }));
  await createSku(db, finance, { spuId: training.id, code: 'SVC-TRAIN', name: '操作培训(人天)', attributeValues: {}, listPrice: '3000.00', cost: '1200', isBundle: false, status: 'active' });
  const mes = await createSpu(db, finance, spu({
    code: 'PRJ-MES', name: 'MES 实施项目', kind: 'project', productLineId: line.SVC!, baseUnitId: unit.item!, taxRate: '0.06', taxCode: TAX.it,
    sellable: { grades: ['A', 'B'], channels: null, regions: null }, // a project only for the larger customers
  }));
  await createSku(db, finance, { spuId: mes.id, code: 'PRJ-MES', name: 'MES 实施项目(标准范围)', attributeValues: {}, listPrice: '480000.00', cost: '300000', isBundle: false, status: 'active' });

  // Bundles: the edge node kit (second level) and the starter kit.
  const kits = await createSpu(db, finance, spu({ code: 'KIT', name: '解决方案套装', kind: 'project', productLineId: line.CLOUD!, baseUnitId: unit.set!, taxRate: '0.13', taxCode: TAX.hardware }));
  const edgeKit = await createSku(db, finance, { spuId: kits.id, code: 'KIT-EDGE', name: '边缘节点套件', attributeValues: {}, listPrice: '0.00', cost: null, isBundle: true, status: 'active' });
  const starter = await createSku(db, finance, { spuId: kits.id, code: 'KIT-FACTORY', name: '智慧工厂入门套装', attributeValues: {}, listPrice: '0.00', cost: null, isBundle: true, status: 'active' });
  const ids = await asSystem(db, async (tx) => Object.fromEntries((await findSkusByCodeTx(tx, [
    'IG-500-4P-4G', 'IG-500-8P-4G', 'IG-500-8P-5G', 'EC-200', 'SEN-T', 'SAAS-STD', 'SAAS-PRO', 'SAAS-ENT', 'SVC-INS', 'SVC-TRAIN', 'PRJ-MES', 'KIT-EDGE', 'KIT-FACTORY',
  ])).map((k) => [k.code, k.id])));
  const option = (key: string, code: string, o: Partial<BundleStructureInput['groups'][number]['options'][number]> = {}) => ({
    key, skuId: ids[code]!, isDefault: false, defaultQty: '1', minQty: '1', maxQty: null, ...o,
  });
  await saveBundle(db, finance, edgeKit.id, {
    version: edgeKit.version,
    groups: [
      { code: 'box', name: '计算盒', required: true, minOptions: 1, maxOptions: 1, options: [option('box', 'EC-200', { isDefault: true, maxQty: '1' })] },
      { code: 'sensors', name: '传感器', required: true, minOptions: 1, maxOptions: null, options: [option('sen', 'SEN-T', { isDefault: true, defaultQty: '4', minQty: '2', maxQty: '8' })] },
    ],
    rules: [],
  });
  await saveBundle(db, finance, starter.id, {
    version: starter.version,
    groups: [
      { code: 'gateway', name: '网关', required: true, minOptions: 1, maxOptions: 1, options: [
        option('gw4', 'IG-500-4P-4G', { isDefault: true, maxQty: '20' }), option('gw8', 'IG-500-8P-4G', { maxQty: '20' }), option('gw5g', 'IG-500-8P-5G', { maxQty: '20' }),
      ] },
      { code: 'platform', name: '平台', required: true, minOptions: 1, maxOptions: 1, options: [
        option('std', 'SAAS-STD', { isDefault: true, maxQty: '5' }), option('pro', 'SAAS-PRO', { maxQty: '5' }), option('ent', 'SAAS-ENT', { maxQty: '5' }),
      ] },
      { code: 'sensors', name: '传感器', required: false, minOptions: 0, maxOptions: null, options: [option('sen', 'SEN-T', { isDefault: true, defaultQty: '20', maxQty: '500' })] },
      { code: 'edge', name: '边缘节点', required: false, minOptions: 0, maxOptions: null, options: [option('edge', 'KIT-EDGE', { maxQty: '10' })] },
      { code: 'services', name: '服务', required: false, minOptions: 0, maxOptions: null, options: [
        option('ins', 'SVC-INS', { isDefault: true, maxQty: '5' }), option('train', 'SVC-TRAIN', { defaultQty: '2', maxQty: '30' }),
      ] },
    ],
    rules: [
      { kind: 'requires', option: 'gw5g', target: 'pro', factor: null },
      { kind: 'requires', option: 'ent', target: 'ins', factor: null },
      { kind: 'excludes', option: 'std', target: 'edge', factor: null },
      { kind: 'max_ratio', option: 'train', target: 'sen', factor: '0.1' },
    ],
  });

  // The demo contracts' lines were typed by hand before the catalog: link them to the SKUs they meant (the standard
  // 8-port 4G gateway, the Pro subscription), keeping their code and text as written. The demo writes this directly,
  // as a data migration would.
  const meant: Record<string, string> = { 'IG-500': 'IG-500-8P-4G', 'EC-200': 'EC-200', 'SAAS-Y': 'SAAS-PRO', 'SVC-INS': 'SVC-INS' };
  await asSystem(db, async (tx) => {
    for (const [code, sku] of Object.entries(meant)) {
      await sql`update contract_lines set sku_id = ${ids[sku]!} where tenant_id = ${tenantId} and product_code = ${code} and sku_id is null`.execute(tx);
    }
  });
  return ids;
}
