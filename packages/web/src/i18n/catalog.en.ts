// English — the catalog (products, SKUs, attributes and variants, unit conversions, bundles and the configurator,
// import/export, product managers); the type keeps the keys in step with catalog.zh-CN.ts.
import type { CatalogMessages } from './catalog.zh-CN';

const catalogEn: CatalogMessages = {
  catalog: {
    nav: 'Catalog', title: 'Product catalog', products: 'Products', skus: 'SKUs', bundles: 'Bundles', settings: 'Settings',
    code: 'Code', name: 'Name', kind: 'Kind', productLine: 'Product line', unit: 'Unit', baseUnit: 'Base unit', taxRate: 'Tax rate', taxCode: 'Tax classification code',
    listPrice: 'List price', cost: 'Cost', status: 'Status', spec: 'Specification', skuCount: 'SKUs', description: 'Description', search: 'Search code or name',
    kinds: { goods: 'Goods', virtual: 'Virtual', service: 'Service', project: 'Project' },
    statuses: { active: 'Active', inactive: 'Inactive' },
    newProduct: 'New product', editProduct: 'Edit product', save: 'Save', saved: 'Saved', cancel: 'Cancel', add: 'Add', remove: 'Remove', none: 'None',
    attributes: 'Attributes', attribute: 'Attribute', values: 'Values (comma-separated, code=name)', addAttribute: 'Add attribute',
    exclusions: 'Excluded combinations', addExclusion: 'Add exclusion', exclusionHint: 'A combination matching every value of one exclusion gets no SKU',
    units: 'Unit conversions', factor: 'Factor', unitsHint: '1 of the unit = factor × base unit (exact decimals)', addUnit: 'Add conversion',
    sellable: 'Sellable to', grades: 'Customer grades', channels: 'Channels', regions: 'Regions', everyone: 'Everyone',
    variants: 'Variants', preview: 'Preview: {{n}} combinations, {{excluded}} excluded', generate: 'Generate SKUs', generated: '{{n}} SKUs created, {{existing}} existed',
    newSku: 'New SKU', isBundle: 'Bundle', price: 'Price', edit: 'Edit', bundleEdit: 'Edit structure', inactiveHint: 'Inactive SKUs are no longer offered in pickers',
    bundle: {
      title: 'Bundle structure', groups: 'Option groups', group: 'Group', addGroup: 'Add group', required: 'Required', minOptions: 'Min options', maxOptions: 'Max options',
      options: 'Options', addOption: 'Add option', isDefault: 'Default', defaultQty: 'Default qty', minQty: 'Min qty', maxQty: 'Max qty',
      rules: 'Rules', addRule: 'Add rule', option: 'Option', target: 'Target', ruleKinds: { requires: 'requires', excludes: 'excludes', max_ratio: 'at most per' },
      preview: 'Configuration preview', saved: 'Bundle structure saved', chooseBundle: 'Choose a bundle SKU',
    },
    config: {
      title: 'Configure', valid: 'Valid configuration', invalid: 'Not a valid configuration', lines: 'Configured items', level: 'Level', quantity: 'Qty', reset: 'Back to defaults', nested: 'Configuration of {{name}}',
      unknown_option: '{{bundle}}: option {{option}} is not part of this bundle', duplicate_option: '{{option}} is chosen twice',
      bad_quantity: '{{option}}: the quantity must be positive with at most 4 decimals', group_required: '{{group}}: choose at least one option',
      group_min: '{{group}}: choose at least {{min}} options, not {{quantity}}', group_max: '{{group}}: choose at most {{max}} options, not {{quantity}}',
      qty_below_min: '{{option}}: at least {{min}}, not {{quantity}}', qty_above_max: '{{option}}: at most {{max}}, not {{quantity}}',
      requires: '{{option}} requires {{target}}', excludes: '{{option}} cannot be combined with {{target}}',
      max_ratio: '{{option}}: at most {{factor}} per {{target}} ({{max}}), not {{quantity}}', too_deep: '{{bundle}}: bundles nest at most {{max}} levels',
    },
    productLines: 'Product lines', units2: 'Units of measure', managers: 'Product managers', managersHint: 'Besides admins, these users may change the catalog', newLine: 'New product line', newUnit: 'New unit',
    export: 'Export Excel', import: 'Import Excel', imported: 'Imported: {{rows}} rows, {{created}} SKUs created, {{updated}} updated, {{unchanged}} unchanged, {{errors}} errors',
    picker: { placeholder: 'Pick from the catalog (code or name)', fromCatalog: 'Catalog', free: 'Free line', freeHint: 'A one-off line not linked to the catalog' },
  },
};
export default catalogEn;
