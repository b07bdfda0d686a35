// 简体中文 — the customer 360 (money summary, timeline), the audit trail's label registry (lib/auditLabels.tsx), list
// totals and the home page's approvals and aging trend. workspace.en.ts must have the same shape. Top-level keys of
// their own (c360, auditLabels, lists, homeMore, milestones): the i18n index merges areas by top-level key.
const workspaceZh = {
  c360: {
    summary: '资金概览', contracted: '合同金额', invoiced: '已开应收', collected: '已回款', open: '未收', overdue: '逾期',
    unapplied: '未核销回款', availableCredit: '可用信用额度', creditExplain: '可用额度 = 信用额度 {{limit}} − 未收应收 {{open}} − 已签未开应收 {{committed}}',
    onHold: '信用冻结', otherCurrency: '{{currency}} 业务', counts: '{{contracts}} 份合同 · {{open}} 笔未收应收（{{overdue}} 笔逾期） · {{payments}} 笔回款',
    tabs: { contracts: '合同', receivables: '应收', payments: '回款', writeOffs: '核销', timeline: '动态' },
    timeline: {
      all: '全部', empty: '暂无动态', kinds: { audit: '变更', follow_up: '跟进', receivable: '应收', credit_note: '红冲', payment: '回款', write_off: '核销' },
      receivable: '应收 {{number}} 入账', credit_note: '红冲 {{number}} 入账', payment: '回款 {{number}} 登记', write_off: '核销 {{number}}',
      due: '到期日 {{date}}', received: '到账 {{date}}', applied: '核销日 {{date}}', next: '下一步：{{step}}（{{date}}）',
    },
    noWriteOffs: '暂无核销记录', viewAll: '查看全部',
  },
  auditLabels: {
    entityTypes: { customer_account: '客户账户', company_profile: '公司信息', tenant_settings: '租户设置', invoice: '发票', invoice_request: '开票申请', dunning_task: '催收任务', promise_to_pay: '承诺付款', credit_assessment: '资信评估', bank_statement: '银行对账单', bank_statement_line: '银行流水', approval_definition: '审批规则' },
    actions: { credit_hold: '信用冻结', credit_release: '解除信用冻结', flag_high_risk: '标记高风险', mark_overdue: '标记逾期', hold: '信用冻结', release_hold: '解除冻结', issue: '开具', withdraw: '撤回' },
    fields: {
      _: {
        riskLevel: '风险等级', overdueMarkedOn: '标记逾期日期', creditLimit: '信用额度', paymentTermDays: '账期（天）', grade: '客户等级',
        number: '编号', name: '名称', role: '角色', teamId: '团队', managerId: '负责人', active: '启用', email: '邮箱', phone: '电话',
        amount: '金额', amountOpen: '未收金额', currency: '币种', dueDate: '到期日', businessDate: '业务日期', total: '合计',
        receivableId: '应收', paymentId: '回款', contractId: '合同', contactId: '联系人', appliedOn: '核销日期', memo: '备注',
        reversedBy: '冲回单号', seq: '序号', trigger: '触发条件', percent: '比例', milestone: '里程碑', dueDaysAfterTrigger: '触发后天数',
        method: '方式', ownerId: '负责人', onHold: '信用冻结', holdReason: '冻结原因', releaseReason: '解除原因', prepaid: '预收', rebate: '返利', kind: '类型',
        productCode: '产品编码', description: '描述', quantity: '数量', unitPrice: '单价', taxRate: '税率', discountRate: '折扣率',
        signatory: '签署人', party: '签署方', signedOn: '签署日期', step: '步骤', approver: '审批人', steps: '审批步骤',
      },
      receivable: { source: '应收来源', status: '应收状态' },
      payment: { status: '回款状态' },
      credit_profile: { creditLimit: '信用额度', riskLevel: '风险等级' },
    },
    reasons: {
      overdue_over_days: '逾期超过 {{days}} 天（{{on}}）', dunning_hold: '催收：应收 {{number}} 逾期 {{days}} 天',
      delivered_milestone: '已交付：{{milestone}}', delivered_instalment: '已交付：第 {{seq}} 期', first_delivery: '首次交付', first_acceptance: '首次验收',
    },
  },
  lists: {
    totals: '合计（当前筛选，共 {{count}} 笔）', totalAmount: '金额', totalOpen: '未收', totalOverdue: '其中逾期',
    openOnly: '未结清', allStatuses: '全部状态', collected: '已回款', uncollected: '未回款', progress: '回款进度',
  },
  homeMore: {
    approvals: '待我审批', approvalsEmpty: '没有待您审批的单据', approvalsAll: '进入审批中心',
    agingTrend: '账龄趋势（近 12 个月月末）', month: '月份', open: '未收', overdue: '逾期', overdueShare: '逾期占比',
  },
  milestones: { acceptance: '验收', delivery: '交付', signing: '签约', installation: '安装', go_live: '上线' },
};

export default workspaceZh;
