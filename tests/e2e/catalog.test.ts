// The catalog in a real browser on the demo tenant: 周静 (finance, a product manager) opens the 智慧工厂入门套装 in the
// bundle editor, whose configurator preview starts valid, and adding edge nodes to the standard platform is refused in
// Chinese naming both options, while the edge kit's own groups open beneath it; 李娜 picks a sensor from the catalog
// in a new contract's line, which takes its name, unit, price and tax rate and is marked as a catalog line.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, getJson, logInAs, reportFailures, startE2E, until, type E2E } from './harness';

let e2e: E2E | undefined;
let page: Page;
const ZHOU_JING = { email: 'zhou.jing@demo.l2c.cn', password: 'demo1234' };
const LI_NA = { email: 'li.na@demo.l2c.cn', password: 'demo1234' };

describe('catalog', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.context.pages()[0] ?? (await e2e.newPage());
  }, 300_000);

  afterAll(async () => {
    await e2e?.close();
  }, 60_000);

  it('the configurator lets only a valid bundle through and says why', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await logInAs(e2e!, page, ZHOU_JING);
    const kits = await getJson<{ items: Array<{ id: string; code: string }> }>(e2e!, page, '/catalog/skus?bundles=true');
    const kit = kits.items.find((k) => k.code === 'KIT-FACTORY')!;
    await page.goto(`${e2e!.baseUrl}/catalog?tab=bundles&bundle=${kit.id}`);
    await byId(page, 'bundle-editor').waitFor();
    await byId(page, 'config-valid').waitFor(); // the defaults: 4-port gateway, standard platform, 20 sensors, installation
    await byId(page, 'config-option-KIT-EDGE').click();
    await byId(page, 'config-error-excludes').waitFor();
    expect(await byId(page, 'config-error-excludes').innerText()).toBe('云帆设备云平台 标准版 与 边缘节点套件 不能同时选择');
    await byId(page, 'config-group-box').waitFor(); // the edge kit's own groups, one level down
    await byId(page, 'config-option-SAAS-PRO').click(); // the Pro platform instead (one per group)
    await byId(page, 'config-valid').waitFor();
    const lines = await byId(page, 'config-lines').innerText();
    expect(lines).toContain('EC-200');
    expect(lines).toContain('SEN-T');
  });

  it('a contract line picked from the catalog takes the SKU\'s name, unit, price and tax rate', async (ctx) => {
    reportFailures(ctx, () => ({ e2e, page }));
    await logInAs(e2e!, page, LI_NA);
    await page.goto(`${e2e!.baseUrl}/contracts/new`);
    await byId(page, 'contract-lines').waitFor();
    if ((await byId(page, 'contract-line').count()) === 0) await byId(page, 'line-add').click();
    await byId(page, 'line-free').first().waitFor(); // a new line is a free line until a product is picked
    await byId(page, 'sku-picker').first().click();
    await page.keyboard.type('SEN-T');
    const option = page.locator('.ant-select-item-option').filter({ hasText: 'SEN-T' }).first();
    await option.waitFor();
    await option.click();
    await until('the line took the SKU', async () => (await byId(page, 'line-description').first().inputValue()) === '无线温度传感器');
    expect(await byId(page, 'line-unit-price').first().inputValue()).toBe('380.00');
    await byId(page, 'line-catalog').first().waitFor();
  });
});
