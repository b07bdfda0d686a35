import { defineErrors } from '../../platform/errors.js';

export const catalogError = defineErrors('catalog', {
  not_found: [404, 'Catalog item not found'],
  stale: [409, 'The item was changed by someone else: reload and try again'],
  forbidden: [403, 'Changing the catalog needs an admin or a product manager'],
  not_a_bundle: [409, 'This SKU is not a bundle'],
  bundle_loop: [409, 'A bundle cannot contain itself, directly or through its options'],
  bundle_too_deep: [409, 'Bundles nest at most 4 levels'],
  bad_option: [400, 'An option or rule names an option of another bundle'],
  invalid_configuration: [422, 'The configuration is not valid'],
  not_sellable: [422, 'This product is not sellable to this customer'],
  too_many_variants: [400, 'Too many variants: at most 500 per product'],
  bad_unit: [400, 'Unknown unit for this product'],
  import_too_large: [413, 'The workbook is too large'],
  bad_workbook: [400, 'The workbook cannot be read'],
  in_use: [409, 'The item is in use and cannot be removed'],
});
