// 简体中文 — 系统管理的 Webhook、审批规则、单据编号规则标签页，以及提交人撤回审批。workspace-admin.en.ts 的类型由此而来。
const workspaceAdminZh = {
  webhooks: {
    tab: 'Webhook',
    intro: '客户、合同、应收、回款、核销发生变化时，系统把事件以 POST 推送到这些地址，用 HMAC-SHA256 签名（L2C-Signature: t=…,v1=…）；失败按指数退避重试。',
    add: '新建订阅', url: '接收地址', description: '说明', events: '事件', active: '启用', status: '状态', secret: '签名密钥',
    on: '启用中', off: '已停用', stats: '待发 {{pending}} · 成功 {{succeeded}} · 失败 {{dead}}',
    secretTitle: '签名密钥（只显示这一次）', secretIntro: '请立即保存此密钥，用它验证每次推送的 L2C-Signature；之后只显示末四位。',
    copy: '复制', copied: '已复制', rotate: '更换密钥', rotateConfirm: '更换后旧密钥立即失效，接收方需同时更新。确定更换？',
    test: '发送测试事件', testSent: '测试事件已排队，稍后在推送记录中查看结果', switchOn: '启用', switchOff: '停用', create: '创建订阅', edit: '编辑',
    log: '推送记录', logFilter: '全部订阅', allStatuses: '全部状态', event: '事件', response: '响应码', latency: '耗时', attempts: '尝试次数',
    nextTry: '下次重试', createdAt: '时间', redeliver: '重新推送', redelivered: '已重新排队', body: '推送内容', history: '各次尝试', none: '暂无推送记录',
    deliveryStatus: { pending: '待推送', delivering: '推送中', succeeded: '成功', dead: '已放弃' },
    kind: { event: '事件', redelivery: '重新推送', test: '测试' },
    eventNames: {
      'customer.created': '客户新建', 'customer.updated': '客户修改', 'contract.status_changed': '合同状态变化',
      'receivable.created': '应收新建', 'receivable.status_changed': '应收状态变化', 'payment.registered': '回款登记',
      'payment.confirmed': '回款确认', 'payment.rejected': '回款驳回', 'write_off.created': '核销', 'write_off.reversed': '反核销', 'webhook.test': '测试事件',
    },
  },
  numbering: {
    tab: '单据编号',
    intro: '每类单据的编号格式：前缀、日期部分、流水号位数和流水号何时重新开始。保存后下一张单据即按新格式编号；编号不会重复。',
    docType: '单据', kinds: { customer: '客户', contract: '合同', receivable: '应收', payment: '回款', write_off: '核销', credit_note: '红冲', invoice_request: '开票申请', red_confirmation: '红字确认单' },
    prefix: '前缀', datePattern: '日期部分', separator: '分隔符', width: '流水号位数', reset: '流水号重置', next: '下一个编号', builtIn: '默认',
    patterns: { none: '无', YYYY: '年（2026）', YYMM: '年月（2612）', YYYYMM: '年月（202612）', YYYYMMDD: '年月日（20261206）' },
    separators: { none: '无', dash: '-', slash: '/', underscore: '_' },
    resets: { never: '不重置', yearly: '每年', monthly: '每月', daily: '每天' },
    edit: '修改格式', save: '保存格式', preview: '预览：下一个编号将是', badReset: '流水号重置周期必须体现在日期部分中',
  },
  approvalRules: {
    tab: '审批规则',
    intro: '每类单据的审批规则：按顺序判断条件，命中的规则的审批步骤依次串联（同一审批人只出现一次）；都不命中时使用默认步骤。',
    docType: '单据类型', docTypes: { contract: '合同', contract_amendment: '补充协议', bad_debt: '坏账核销', invoice_request: '开票申请', credit_limit: '信用额度调整', quote: '报价单' },
    builtIn: '系统默认', custom: '已自定义', rule: '规则', ruleName: '规则名称', when: '条件', any: '满足任一', all: '全部满足', steps: '审批步骤', otherwise: '都不命中时',
    addRule: '添加规则', addCondition: '添加条件', addStep: '添加步骤', remove: '删除', fact: '字段', op: '比较', value: '值', stepName: '步骤名称', approver: '审批人',
    facts: { amount: '金额（含税）', amountExclTax: '金额（不含税）', maxDiscount: '最大折扣率', paymentTermDays: '账期（天）', riskLevel: '风险等级', customerGrade: '客户等级', overCredit: '超信用额度', raise: '额度提高', kind: '合同类型', currency: '币种' },
    approverTypes: { manager: '提交人的直属经理', role: '角色', roles: '多个角色之一', user: '指定用户' },
    roles: { admin: '管理员', sales_manager: '销售经理', sales_rep: '销售', finance: '财务', marketer: '市场', executive: '管理层' },
    save: '保存规则', saved: '审批规则已保存',
    preview: '这份合同需要哪些审批？', previewIntro: '选一份合同，或输入金额、折扣等；按正在编辑（尚未保存）的规则计算。',
    pickContract: '选择合同（输入编号或名称）', pickCustomer: '客户（带出等级、风险等级，并按金额判断是否超信用额度）', orEnter: '或输入', matched: '命中规则：{{names}}', noMatch: '没有命中任何规则，使用默认步骤',
    noSteps: '无需审批，提交即通过', approvers: '审批人：{{names}}', nobody: '（提交时确定）', true: '是', false: '否',
  },
  approvalWithdraw: {
    button: '撤回审批', confirm: '撤回后合同回到草稿，审批人的待办中不再出现。确定撤回？', reason: '撤回原因（可选）', done: '已撤回，合同回到草稿',
  },
};

export type WorkspaceAdminMessages = typeof workspaceAdminZh;
export default workspaceAdminZh;
