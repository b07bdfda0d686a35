// 简体中文 — the customer 360 (money summary, timeline), list
// totals and the home page's approvals and aging trend. workspace.en.ts must have the same shape. Top-level keys of
// their own (c360, lists, homeMore, milestones): the i18n index merges areas by top-level key.
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
