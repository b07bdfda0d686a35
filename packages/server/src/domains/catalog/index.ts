// catalog: the CPQ product catalog (issue 11 §1) — SPUs and their SKU variants, units and conversions, product lines,
// kind, cost, tax rate and 税收分类编码, sellable scope, bundles (sales BOMs) with option groups and rules. It offers
// - getSkusTx / findSkusByCodeTx: SKUs by id or code with what they inherit from their SPU (quotes and contracts price and snapshot lines with it);
// - isSellableTo: the sellable-scope check of one SKU for a customer's grade, channel and region;
// - loadBundleTreeTx / validateConfigurationTx: a bundle's structure, and whether a selection of its options is valid
//   (errors with codes naming the option, group or rule; the chosen SKUs with quantities, levels multiplied through).
// - catalogRoutes: /api/v1/catalog/… (product lines, units, SPUs, SKUs, bundles, configurator, Excel, product managers).
// It owns product_lines, catalog_units, spus, spu_units, skus, bundle_groups, bundle_options, bundle_rules and
// catalog_managers (tables.ts).
export { findSkusByCodeTx, getSkusTx, isSellableTo, type CatalogSku, type ProductKind } from './skus.service.js';
// What the routes do, for the demo and tools that build a catalog the way a product manager would:
export { createProductLine, createUnit, setManagers } from './admin.service.js';
export { createSpu, generateSkus } from './spus.service.js';
export { createSku, updateSku } from './skus.admin.js';
export { saveBundle } from './bundles.admin.js';
export { loadBundleTreeTx, validateConfigurationTx } from './bundles.service.js';
export { catalogError } from './catalog.errors.js';
export { catalogRoutes } from './catalog.routes.js';
