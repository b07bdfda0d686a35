// 中文 — 产品目录(产品、SKU、规格与变体、单位换算、套装与配置器、导入导出、产品经理)。catalog.en.ts 的键与此一致。
const catalogZh = {
  catalog: {
    nav: '产品目录', title: '产品目录', products: '产品', skus: 'SKU', bundles: '套装', settings: '基础设置',
    code: '编码', name: '名称', kind: '类型', productLine: '产品线', unit: '单位', baseUnit: '基本单位', taxRate: '税率', taxCode: '税收分类编码',
    listPrice: '标准价', cost: '成本', status: '状态', spec: '规格', skuCount: 'SKU 数', description: '说明', search: '搜索编码或名称',
    kinds: { goods: '实物', virtual: '虚拟', service: '服务', project: '项目' },
    statuses: { active: '在售', inactive: '停售' },
    newProduct: '新建产品', editProduct: '编辑产品', save: '保存', saved: '已保存', cancel: '取消', add: '添加', remove: '删除', none: '暂无',
    attributes: '规格属性', attribute: '属性', values: '取值(逗号分隔,编码=名称)', addAttribute: '添加属性',
    exclusions: '排除组合', addExclusion: '添加排除', exclusionHint: '同时满足一条排除中所有取值的组合不生成 SKU',
    units: '单位换算', factor: '换算系数', unitsHint: '1 个该单位 = 系数 × 基本单位(精确小数)', addUnit: '添加换算',
    sellable: '可售范围', grades: '客户等级', channels: '渠道', regions: '地区', everyone: '全部',
    variants: '变体生成', preview: '预览:{{n}} 个组合,排除 {{excluded}} 个', generate: '生成 SKU', generated: '新建 {{n}} 个 SKU,已存在 {{existing}} 个',
    newSku: '新建 SKU', isBundle: '套装', price: '价格', edit: '编辑', bundleEdit: '编辑结构', inactiveHint: '停售的 SKU 不再出现在选择器中',
    bundle: {
      title: '套装结构', groups: '选项组', group: '选项组', addGroup: '添加选项组', required: '必选', minOptions: '至少选', maxOptions: '至多选',
      options: '选项', addOption: '添加选项', isDefault: '默认', defaultQty: '默认数量', minQty: '最小数量', maxQty: '最大数量',
      rules: '规则', addRule: '添加规则', option: '选项', target: '目标', ruleKinds: { requires: '需要', excludes: '互斥', max_ratio: '数量不超过' },
      preview: '配置预览', saved: '套装结构已保存', chooseBundle: '选择一个套装 SKU',
    },
    config: {
      title: '配置', valid: '配置有效', invalid: '配置无效', lines: '配置结果', level: '层级', quantity: '数量', reset: '恢复默认', nested: '{{name}} 的配置',
      unknown_option: '{{bundle}}:选项 {{option}} 不属于该套装', duplicate_option: '{{option}} 被重复选择',
      bad_quantity: '{{option}}:数量须为正数,最多 4 位小数', group_required: '{{group}}:必须至少选择一项',
      group_min: '{{group}}:至少选择 {{min}} 项,当前 {{quantity}} 项', group_max: '{{group}}:至多选择 {{max}} 项,当前 {{quantity}} 项',
      qty_below_min: '{{option}}:数量至少 {{min}},当前 {{quantity}}', qty_above_max: '{{option}}:数量至多 {{max}},当前 {{quantity}}',
      requires: '选择 {{option}} 需要同时选择 {{target}}', excludes: '{{option}} 与 {{target}} 不能同时选择',
      max_ratio: '{{option}}:每个 {{target}} 至多 {{factor}} 个(上限 {{max}}),当前 {{quantity}}', too_deep: '{{bundle}}:套装最多嵌套 {{max}} 层',
    },
    productLines: '产品线', units2: '计量单位', managers: '产品经理', managersHint: '除管理员外,以下用户可以维护产品目录', newLine: '新建产品线', newUnit: '新建单位',
    export: '导出 Excel', import: '导入 Excel', imported: '导入完成:{{rows}} 行,新建 SKU {{created}},更新 {{updated}},未变 {{unchanged}},错误 {{errors}}',
    picker: { placeholder: '从产品目录选择(输入编码或名称)', fromCatalog: '目录', free: '自由行', freeHint: '未关联目录的一次性行' },
  },
};
export type CatalogMessages = typeof catalogZh;
export default catalogZh;
