// 简体中文 — 报价（一屏编辑、版本、审批、客户接受）与价格管理（价目表、促销、预算、试算）。cpq.en.ts 的键与此一致。
const cpqZh = {
  quote: {
    nav: '报价单', title: '报价单', new: '新建报价', number: '编号', customer: '客户', titleField: '项目名称', status: '状态', amount: '报价总额（含税）',
    validUntil: '有效期至', owner: '销售', version: '版本', search: '搜索编号、名称或客户', allStatuses: '全部状态', none: '暂无报价单',
    statuses: { draft: '草稿', pending_approval: '审批中', approved: '已批准', accepted: '客户已接受', rejected: '客户已拒绝', expired: '已过期' },
    lines: {
      title: '报价明细', add: '从产品目录添加', addFree: '添加自定义行', search: '输入编码或名称搜索产品', product: '产品', code: '编码', quantity: '数量', group: '分组',
      discount: '折扣 %', unitPrice: '单价', list: '原价', promo: '优惠', net: '金额（含税）', lastPaid: '上次成交价', free: '自定义', gift: '赠品',
      up: '上移', down: '下移', remove: '删除', configure: '配置', bundle: '套装', cost: '成本', description: '说明', empty: '还没有明细：从产品目录添加',
      keyboard: '快捷键：Alt+↑/↓ 移动行，Delete 删除行，Ctrl+S 保存',
    },
    orderDiscount: '整单折扣 %', rebate: '返利抵扣', rebateAuto: '按上限自动', totals: { list: '原价合计', discount: '优惠合计', rebate: '返利抵扣', excl: '不含税', tax: '税额', incl: '含税总额' },
    save: '保存并定价', saved: '已保存：第 {{seq}} 版', submit: '提交审批', submitted: '已提交审批', approvedNow: '无需审批，已批准',
    accept: '客户已接受 → 生成订单合同', accepted: '已生成订单合同 {{number}}', reject: '客户拒绝', rejectReason: '拒绝原因', rejected: '已记录客户拒绝',
    pdf: '下载 PDF', share: '分享链接', shareDays: '有效天数', shareCreated: '链接已生成，{{date}} 前有效', copy: '复制',
    needsApproval: '当前内容尚未批准：提交审批后才能被客户接受', approvedHash: '已批准的内容（校验 {{hash}}）', changedAfterApproval: '批准后内容已修改，需要重新审批',
    margin: '毛利率', marginBreach: '低于毛利底线 {{floor}}：需要审批', conflicts: '价目表冲突：{{note}}', trace: '定价过程', traceTitle: '第 {{line}} 行的定价过程',
    versions: '版本', versionSeq: '第 {{seq}} 版', approved: '已批准', lineCount: '{{n}} 行', hash: '内容校验', contract: '订单合同', opportunity: '来自商机（接受报价即赢单）',
    configureTitle: '配置 {{name}}', configureHint: '选择选项与数量；保存时服务器会校验配置规则', option: '选项', required: '必选',
    promotions: '促销', notApplied: '未生效',
  },
  pricing: {
    nav: '价格管理', title: '价格管理', books: '价目表', promotions: '促销', budgets: '促销预算', settings: '加价、毛利底线与返利', sandbox: '试算',
    code: '编码', name: '名称', scope: '适用范围', everyone: '所有客户', priority: '优先级', validity: '有效期', entries: '条目', active: '启用',
    newBook: '新建价目表', addEntry: '添加条目', sku: '产品', rule: '定价规则', kinds: { fixed: '固定价', tiers: '阶梯价', cost_plus: '成本加成', book_relative: '参照价目表' },
    tierModes: { range: '整量同价', slab: '分段累进' }, unitPrice: '单价', tiers: '阶梯（上限:单价，逗号分隔，最后一段留空上限）', factor: '系数',
    grade: '客户等级', region: '地区', channel: '渠道', customer: '指定客户',
    promoKinds: { item: '单品', combo: '组合', threshold: '满减', cumulative: '累计', gift: '赠品' },
    stacking: { exclusive: '互斥', stackable: '可叠加', best_of: '择优' }, group: '叠加组', budget: '预算',
    promo: { amountOffPerUnit: '每件减', minQuantity: '起购数量', periodQuantity: '期间累计满（数量）', quantity: '数量', amountOffPerSet: '每套减', repeat: '每满再减', buyQuantity: '每买', giftQuantity: '赠送数量', validFrom: '开始日期', validTo: '结束日期' },
    newPromotion: '新建促销', percentOff: '折扣（0.1 = 九折）', minAmount: '满', amountOff: '减', target: '适用产品',
    newBudget: '新建预算', amount: '总额', remaining: '剩余', reserved: '已预留', consumed: '已使用', facts: '预算流水', factKinds: { reserve: '预留', release: '释放', consume: '使用' },
    surcharges: '属性加价', floors: '毛利底线', rebatePolicies: '返利政策（当单比例）', maxOrderRatio: '当单比例', accrualRate: '计提比例', saveSettings: '保存设置',
    tryCustomer: '客户', tryLines: '产品与数量', tryRun: '试算', tryResult: '试算结果', ruleCounts: '载入 {{entries}} 条价目、{{promotions}} 个促销',
    step: '步骤', steps: { base: '基础价', surcharge: '加价', promotion: '促销', discount: '折扣', rebate: '返利', gift: '赠品', blocked: '冲突' }, note: '说明', before: '之前', after: '之后',
    saved: '已保存',
  },
};
export type CpqMessages = typeof cpqZh;
export default cpqZh;
