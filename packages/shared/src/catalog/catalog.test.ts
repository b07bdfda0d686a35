// The catalog's pure rules, as a product manager would check them: the configurator's answers (required group, max,
// requires/excludes, ratios, defaults, a second level), variants with exclusions, and exact unit conversions.
import { describe, expect, it } from 'vitest';
import { defaultSelection, validateConfiguration, type BundleOption, type BundleTree } from './configure.js';
import { generateVariants, isExcluded, variantCount, variantKey } from './variants.js';
import { convertQuantity, isWhole } from './units.js';

const option = (id: string, name: string, over: Partial<BundleOption> = {}): BundleOption => ({
  id, skuId: `sku-${id}`, code: id.toUpperCase(), name, isDefault: false, defaultQty: '1', minQty: '1', maxQty: null, child: null, ...over,
});

const camera: BundleTree = {
  skuId: 'cam', code: 'CAM', name: '摄像头套件',
  groups: [
    { id: 'g1', code: 'lens', name: '镜头', required: true, minOptions: 0, maxOptions: 1, options: [option('wide', '广角'), option('tele', '长焦')] },
    { id: 'g2', code: 'mount', name: '支架', required: false, minOptions: 0, maxOptions: null, options: [option('wall', '壁装', { isDefault: true })] },
  ],
  rules: [],
};

const office: BundleTree = {
  skuId: 'office', code: 'OFFICE', name: '办公套装',
  groups: [
    { id: 'o1', code: 'seats', name: '席位', required: true, minOptions: 1, maxOptions: 1, options: [option('lic', '许可', { isDefault: true, defaultQty: '10', minQty: '5', maxQty: '100' })] },
    { id: 'o2', code: 'addons', name: '附加', required: false, minOptions: 0, maxOptions: 2, options: [
      option('sso', '单点登录'), option('audit', '审计'), option('api', '开放接口'), option('cam', '摄像头套件', { child: camera, maxQty: '3' }),
    ] },
    { id: 'o3', code: 'support', name: '支持', required: false, minOptions: 0, maxOptions: null, options: [option('gold', '金牌支持'), option('train', '培训')] },
  ],
  rules: [
    { id: 'r1', kind: 'requires', optionId: 'audit', targetOptionId: 'sso', factor: null },
    { id: 'r2', kind: 'excludes', optionId: 'gold', targetOptionId: 'api', factor: null },
    { id: 'r3', kind: 'max_ratio', optionId: 'train', targetOptionId: 'lic', factor: '0.2' },
  ],
};

const codes = (r: ReturnType<typeof validateConfiguration>) => r.errors.map((e) => e.code);

describe('configurator', () => {
  it('takes the defaults as a valid configuration', () => {
    const sel = defaultSelection(office);
    expect(sel).toEqual({ options: [{ optionId: 'lic', quantity: '10' }] });
    expect(validateConfiguration(office, sel)).toMatchObject({ ok: true, errors: [], lines: [{ code: 'LIC', quantity: '10', level: 1 }] });
  });

  it('names a required group left empty', () => {
    const r = validateConfiguration(office, { options: [] });
    expect(r.errors).toEqual([{ code: 'group_required', path: 'OFFICE/seats', params: { bundle: '办公套装', group: '席位' }, message: '席位: choose at least one option' }]);
  });

  it('names a group past its maximum and an option past its quantity bounds', () => {
    const r = validateConfiguration(office, { options: [
      { optionId: 'lic', quantity: '101' }, { optionId: 'sso', quantity: '1' }, { optionId: 'audit', quantity: '1' }, { optionId: 'api', quantity: '1' },
    ] });
    expect(codes(r)).toEqual(['qty_above_max', 'group_max']);
    expect(r.errors[1]!.params).toMatchObject({ group: '附加', max: '2', quantity: '3' });
  });

  it('applies requires, excludes and the ratio, naming both options', () => {
    const r = validateConfiguration(office, { options: [
      { optionId: 'lic', quantity: '10' }, { optionId: 'audit', quantity: '1' }, { optionId: 'api', quantity: '1' }, { optionId: 'gold', quantity: '1' }, { optionId: 'train', quantity: '2.5' },
    ] });
    expect(r.errors.map((e) => [e.code, e.params.option, e.params.target])).toEqual([
      ['requires', '审计', '单点登录'], ['excludes', '金牌支持', '开放接口'], ['max_ratio', '培训', '许可'],
    ]);
    // exactly at the ratio (10 × 0.2 = 2) is allowed
    expect(validateConfiguration(office, { options: [{ optionId: 'lic', quantity: '10' }, { optionId: 'train', quantity: '2' }] }).ok).toBe(true);
  });

  it('refuses unknown and repeated options and malformed quantities', () => {
    const r = validateConfiguration(office, { options: [
      { optionId: 'lic', quantity: '10' }, { optionId: 'lic', quantity: '10' }, { optionId: 'nope', quantity: '1' }, { optionId: 'sso', quantity: '0' },
    ] });
    expect(codes(r)).toEqual(['duplicate_option', 'unknown_option', 'bad_quantity']);
  });

  it('configures a second level with its defaults, quantities multiplied, and checks its own groups', () => {
    const ok = validateConfiguration(office, { options: [{ optionId: 'lic', quantity: '10' }, { optionId: 'cam', quantity: '2', selection: { options: [{ optionId: 'wide', quantity: '1' }, { optionId: 'wall', quantity: '2' }] } }] });
    expect(ok.ok).toBe(true);
    expect(ok.lines.map((l) => [l.code, l.quantity, l.level, l.path.join('/')])).toEqual([
      ['LIC', '10', 1, 'OFFICE'], ['CAM', '2', 1, 'OFFICE'], ['WIDE', '2', 2, 'OFFICE/CAM'], ['WALL', '4', 2, 'OFFICE/CAM'],
    ]);
    // the camera's defaults lack a lens: its required group is named with the path
    const bad = validateConfiguration(office, { options: [{ optionId: 'lic', quantity: '10' }, { optionId: 'cam', quantity: '1' }] });
    expect(bad.errors.map((e) => [e.code, e.path])).toEqual([['group_required', 'OFFICE/CAM/lens']]);
  });

  it('gives the same answer for the same input, whatever order the options come in', () => {
    const a = validateConfiguration(office, { options: [{ optionId: 'sso', quantity: '1' }, { optionId: 'lic', quantity: '7' }] });
    const b = validateConfiguration(office, { options: [{ optionId: 'lic', quantity: '7' }, { optionId: 'sso', quantity: '1' }] });
    expect(a).toEqual(b);
  });
});

describe('variants', () => {
  const attributes = [
    { code: 'ed', name: '版本', values: [{ code: 'std', name: '标准版' }, { code: 'pro', name: '专业版' }] },
    { code: 'term', name: '期限', values: [{ code: '1y', name: '1年' }, { code: '3y', name: '3年' }] },
    { code: 'dep', name: '部署', values: [{ code: 'saas', name: '云' }, { code: 'onprem', name: '本地' }] },
  ];

  it('makes every combination in order, minus exclusions matching all their pairs', () => {
    expect(variantCount(attributes)).toBe(8);
    const v = generateVariants(attributes, [{ ed: 'std', dep: 'onprem' }, { term: '3y', dep: 'onprem', ed: 'pro' }]);
    expect(v.map((x) => x.codeSuffix)).toEqual(['STD-1Y-SAAS', 'STD-3Y-SAAS', 'PRO-1Y-SAAS', 'PRO-1Y-ONPREM', 'PRO-3Y-SAAS']);
    expect(v[3]).toMatchObject({ key: 'dep=onprem;ed=pro;term=1y', nameSuffix: '专业版 / 1年 / 本地' });
  });

  it('an empty exclusion excludes nothing; no attributes is one variant', () => {
    expect(isExcluded({ ed: 'std' }, [{}])).toBe(false);
    expect(generateVariants([], [])).toEqual([{ values: {}, key: '', codeSuffix: '', nameSuffix: '' }]);
    expect(variantKey({ b: '2', a: '1' })).toBe('a=1;b=2');
  });
});

describe('units', () => {
  const factors = [{ unitId: 'box', factor: '12' }, { unitId: 'pack', factor: '0.5' }, { unitId: 'roll', factor: '305.1' }];

  it('converts exactly, never through a float', () => {
    expect(convertQuantity('3', 'box', 'pcs', 'pcs', factors)).toBe('36');
    expect(convertQuantity('0.1', 'roll', 'pcs', 'pcs', factors)).toBe('30.51'); // 0.1 × 305.1 is 30.509999999999998 in floats
    expect(convertQuantity('3', 'pack', 'pcs', 'pcs', factors)).toBe('1.5');
    expect(convertQuantity('36', 'pcs', 'box', 'pcs', factors)).toBe('3');
    expect(convertQuantity('6', 'pack', 'box', 'pcs', factors)).toBe('0.25');
  });

  it('says whether a conversion lands on whole units, and refuses an unknown unit', () => {
    expect(isWhole(convertQuantity('30', 'pcs', 'box', 'pcs', factors))).toBe(false);
    expect(isWhole(convertQuantity('24', 'pcs', 'box', 'pcs', factors))).toBe(true);
    expect(() => convertQuantity('1', 'crate', 'pcs', 'pcs', factors)).toThrow(RangeError);
  });
});
