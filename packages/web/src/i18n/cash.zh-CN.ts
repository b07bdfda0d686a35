// 简体中文 — receivables 应收, payments 回款, write-offs 核销, customer accounts, statements 对账单 and aging 账龄;
// cash.en.ts must have the same shape. Also the enum labels and error codes of the contract-to-cash domains.
const cashZh = {
  receivable: {
    list: { title: '应收', searchPlaceholder: '搜索应收编号、客户' },
    fields: {
      number: '应收编号', kind: '类型', customer: '客户', contract: '合同', source: '来源', amount: '金额', taxAmount: '税额',
      amountOpen: '未收金额', amountApplied: '已核销', badDebtAmount: '坏账金额', status: '状态', businessDate: '业务日期',
      dueDate: '到期日', daysOverdue: '逾期天数', owner: '负责人', reason: '原因', createdAt: '创建时间', original: '原应收',
    },
    filters: { overdue: '仅看逾期', dueRange: '到期日范围', status: '状态', kind: '类型' },
    detail: { title: '应收详情', allocations: '核销记录', noAllocations: '暂无核销记录', reversed: '已冲回', days: '{{days}} 天' },
    creditNote: {
      title: '红冲', action: '红冲', amount: '红冲金额（含税）', taxAmount: '其中税额', reason: '红冲原因',
      hint: '红冲生成一张负数应收（红字），并立即冲减原应收的未收金额。', created: '红冲已生效', exceeds: '不能超过未收金额 {{amount}}',
    },
    badDebt: {
      title: '申请坏账核销', action: '申请坏账', amount: '坏账金额', reason: '原因', requested: '坏账申请已提交，等待审批',
      hint: '坏账须由管理层或管理员审批通过后入账；申请人不能审批自己的申请。',
    },
  },
  payment: {
    list: { title: '回款', register: '登记回款', searchPlaceholder: '搜索回款编号、客户、付款人、流水号' },
    fields: {
      number: '回款编号', customer: '客户', amount: '回款金额', amountUnapplied: '未核销', amountApplied: '已核销', receivedOn: '到账日期',
      method: '方式', payerName: '付款人', payerAccount: '付款账号', bankReference: '银行流水号', remark: '备注', status: '状态',
      registeredBy: '登记人', confirmedBy: '确认人', currency: '币种', rejectedReason: '驳回原因',
    },
    form: {
      title: '登记回款', confirmNow: '立即确认到账（财务）', autoApply: '确认后自动核销', amountInvalid: '请输入大于 0 的金额，最多两位小数',
      created: '回款已登记，等待财务确认', createdConfirmed: '回款已登记并确认到账', autoApplied: '已自动核销 {{amount}}',
      customerRequired: '请选择客户', dateRequired: '请选择到账日期',
    },
    confirm: '确认到账', confirmOk: '已确认到账', confirmPrompt: '确认这笔回款已到账？确认后计入客户的预收账户，可用于核销。',
    reject: '驳回', rejectTitle: '驳回回款', rejectReason: '驳回原因', rejected: '已驳回', writeOff: '核销',
    filters: { unapplied: '有未核销金额', status: '状态' },
  },
  writeOff: {
    title: '核销工作台', intro: '选择客户和一笔回款，系统按策略给出建议核销金额；可逐行调整后确认。',
    customer: '客户', pickCustomer: '请先选择客户', sources: '资金来源', payments: '可核销回款', creditNotes: '红字应收',
    rebate: '返利账户', rebateBalance: '返利余额 {{amount}}', noPayments: '该客户没有未核销的已确认回款',
    openReceivables: '未结应收', noReceivables: '该客户没有未结应收', strategy: '核销策略', contract: '指定合同', contractAuto: '按回款备注识别',
    fillProposal: '按建议填入', clear: '清空', amount: '本次核销', available: '可用', selected: '本次合计', remaining: '剩余可用',
    confirm: '确认核销', confirmed: '核销完成：{{amount}}', exceedsOpen: '不能超过未收金额 {{amount}}',
    exceedsAvailable: '合计 {{selected}} 超过可用金额 {{available}}', invalidAmount: '金额格式不正确（最多两位小数）',
    nothing: '请至少填写一行核销金额', pickSource: '请选择一笔回款、红字应收或返利账户', proposed: '建议核销 {{amount}}（可用 {{available}}）',
    history: '核销记录', reverse: '反核销', reverseTitle: '反核销', reverseReason: '反核销原因', reversed: '已反核销',
    reverseHint: '反核销生成一笔冲回记录，原核销记录保留，被核销的应收恢复未收。', memo: '备注', appliedOn: '核销日期',
    number: '核销单号', total: '金额', lines: '明细', reversedBy: '已被冲回', noHistory: '暂无核销记录', fillAll: '全额',
  },
  account: {
    tab: '账户', prepaid: '预收余额', rebate: '返利余额', creditLimit: '信用额度', creditAvailable: '可用额度', receivablesOpen: '未结应收',
    paymentTermDays: '账期', riskLevel: '风险等级', ledger: '账户流水', days: '{{days}} 天',
    accounts: { prepaid: '预收账户', rebate: '返利账户', credit: '信用账户' },
    entry: { date: '日期', kind: '类型', amount: '发生额', balance: '余额', memo: '摘要' },
    openReceivables: '未结应收', noEntries: '暂无流水',
  },
  statement: {
    title: '对账单', period: '对账期间', view: '生成对账单', xlsx: '下载 Excel', pdf: '下载 PDF', opening: '期初余额', closing: '期末余额',
    debit: '借方（应收增加）', credit: '贷方（应收减少）', date: '日期', kind: '类型', number: '单号', ref: '参考', memo: '摘要', balance: '余额',
    totals: '本期合计', writeOffs: '本期核销', closingMade: '期末余额构成', receivablesOpen: '未结应收', paymentsUnapplied: '未核销回款',
    creditNotesUnapplied: '未使用红字', empty: '本期没有发生额', periodRequired: '请选择对账期间',
  },
  aging: {
    title: '账龄分析', asOf: '截止日期', groupBy: '分组', totalOpen: '未结应收合计', overdue: '逾期金额', overdueShare: '逾期占比',
    count: '笔数', buckets: '账龄分布', trend: '近 12 个月趋势', open: '未结', topOverdue: '逾期客户 Top 10', maxDays: '最长逾期',
    dsoSimple: 'DSO（简单法）', dsoCountback: 'DSO（倒推法）', creditSales: '近 {{days}} 天赊销', days: '{{value}} 天',
    drill: '应收明细', all: '全部', group: '分组', total: '合计', clickHint: '点击柱形或表格中的金额查看对应应收',
    asOfHistory: '按历史时点重算：截止日之后的核销不计入', groups: { none: '不分组', customer: '客户', owner: '负责人', team: '团队', region: '地区', product_line: '产品线' },
    bucketLabels: { current: '未到期', range: '{{from}}–{{to}} 天', over: '{{from}} 天以上' }, overdueBucket: '已逾期',
  },
  cashEnums: {
    contractStatus: {
      draft: '草稿', in_approval: '审批中', approved: '已审批', signed: '已签署', in_performance: '履约中', completed: '已完成', terminated: '已终止',
    },
    contractKind: { order: '订单合同', framework: '框架协议' },
    trigger: { date: '按日期', on_signing: '签约时', on_delivery: '交付时', on_acceptance: '验收时' },
    method: { bank_transfer: '银行转账', cash: '现金', online: '在线支付', acceptance_bill: '承兑汇票', check: '支票', other: '其他' },
    receivableStatus: { open: '未收', partially_paid: '部分回款', paid: '已回款', bad_debt: '坏账', applied: '已使用' },
    receivableKind: { invoice: '应收', credit_note: '红字' },
    receivableSource: {
      contract_signed: '合同签订', plan_date: '计划到期', delivery: '交付', milestone: '里程碑验收', order: '订单', service_period: '服务期',
      usage: '用量', manual: '手工', credit_note: '红冲',
    },
    paymentStatus: { claimed: '待确认', confirmed: '已确认', rejected: '已驳回' },
    strategy: { oldest_due: '最早到期优先', contract: '按合同', instalment: '按分期顺序' },
    approvalStatus: { pending: '审批中', approved: '已通过', rejected: '已驳回', returned: '已退回', cancelled: '已撤销', withdrawn: '已撤回' },
    writeOffKind: { apply: '核销', reverse: '反核销', bad_debt: '坏账' },
    riskLevel: { low: '低', normal: '正常', high: '高' },
    accountEntryKind: {
      payment_confirmed: '回款确认', applied: '核销', reversal: '反核销', rebate_accrual: '返利计提', rebate_correction: '返利调减',
      rebate_used: '返利抵扣', credit_limit_change: '额度调整',
    },
    statementKind: { receivable: '应收', credit_note: '红字', payment: '回款', rebate: '返利抵扣', bad_debt: '坏账' },
    sourceType: { payment: '回款', credit_note: '红字', rebate: '返利', bad_debt: '坏账' },
  },
  cashErrors: {
    contracts: {
      not_found: '合同不存在或您无权查看', customer_not_found: '客户不存在或不是您可以签约的客户',
      framework_invalid: '框架协议不属于同一客户', owner_not_found: '不能指定该负责人', not_editable: '只有草稿状态的合同可以编辑',
      terms_locked: '合同已签署，商务条款只能通过补充协议变更', bad_status: '当前状态不允许此操作', compliance_failed: '合同未通过合规检查',
      credit_exceeded: '超出客户可用信用额度', credit_hold: '客户信用已冻结（长期逾期），需财务解除后才能签约', amendment_pending: '已有补充协议在审批中', amendment_not_found: '补充协议不存在',
      amendment_stale: '合同已变化，请驳回后重新编写补充协议', instalment_not_found: '没有等待该事件的分期', bad_file: '签署文件缺失或为空',
    },
    approvals: {
      not_found: '审批不存在', not_pending: '该审批已不在等待决定', not_your_step: '您不是当前步骤的审批人',
      already_pending: '该单据已在审批中', no_approver: '审批链中有步骤无人可以审批，请先设置团队经理或添加相应角色的用户',
    },
    receivables: {
      not_found: '应收不存在', customer_not_found: '客户不存在', credit_note_exceeds: '红冲金额不能超过原应收的未收金额',
      not_an_invoice: '只能对应收（非红字）进行红冲', bad_debt_exceeds: '坏账金额超过未收金额', bad_debt_request_not_found: '坏账申请不存在',
      bad_debt_request_closed: '该坏账申请已处理', self_approval: '申请人不能审批自己的坏账申请',
    },
    payments: {
      not_found: '回款不存在', customer_not_found: '客户不存在', duplicate_bank_reference: '该银行流水号已登记过',
      not_claimed: '只有待确认的回款可以确认或驳回', has_allocations: '已核销的回款不能驳回，请先反核销',
      confirm_not_allowed: '只有财务可以确认回款', rebate_negative: '返利账户余额不能为负',
    },
    write_offs: {
      not_found: '核销记录不存在', customer_not_found: '客户不存在', receivable_not_found: '该客户没有这笔应收',
      source_not_found: '该客户没有这笔回款或红字', payment_not_confirmed: '只有已确认的回款可以核销', currency_mismatch: '回款与应收币种不同',
      exceeds_open: '核销金额超过应收的未收金额', exceeds_unapplied: '核销金额超过回款的未核销金额', exceeds_credit_note: '超过红字的可用金额',
      exceeds_rebate: '超过返利账户余额', not_an_invoice: '只能核销应收（非红字）', already_reversed: '该核销已被冲回',
      not_reversible: '反核销记录不能再冲回', invariant_broken: '金额校验未通过，未做任何记账',
    },
    collections: {},
    common: { idempotency_mismatch: '重复提交的内容与第一次不同，请刷新后重试' },
  },
};

export type CashMessages = typeof cashZh;
export default cashZh;
