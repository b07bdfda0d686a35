// 简体中文 — bad-debt requests 坏账核销申请: the approval-inbox tab, the full list and the receivable drawer's notice;
// baddebt.en.ts must have the same shape. Merged into the message tree in index.ts.
const baddebtZh = {
  badDebtRequest: {
    tabs: { documents: '全部审批', badDebt: '坏账审批' },
    inbox: {
      title: '待我审批的坏账申请', intro: '财务提交的坏账核销申请，走审批流程：须由申请人以外、有审批权的人批准后入账（5 万元及以上由管理层审批）；也会出现在“全部审批”中。',
      empty: '没有等待您审批的坏账申请', count: '{{count}} 条待审批',
    },
    list: {
      title: '全部坏账申请', status: '状态', allStatuses: '全部状态', searchPlaceholder: '搜索应收编号、客户', empty: '暂无坏账申请',
    },
    fields: {
      receivable: '应收单', customer: '客户', amount: '坏账金额', reason: '申请原因', status: '状态', requestedBy: '申请人',
      requestedAt: '申请时间', decidedBy: '审批人', decidedAt: '审批时间', decisionComment: '审批意见',
    },
    statuses: { pending: '待审批', approved: '已核销', rejected: '已驳回' },
    actions: {
      approve: '批准核销', reject: '驳回', comment: '驳回原因', commentOptional: '审批意见（可选）',
      approveHint: '批准后立即将 {{amount}} 作为坏账核销，该应收的未收金额相应减少。',
      rejectHint: '驳回后应收保持不变，申请人可重新提交。',
      approved: '已批准，坏账已核销', rejected: '坏账申请已驳回',
      ownRequest: '这是您提交的申请，须由其他人审批',
    },
    drawer: {
      pending: '坏账申请待审批：{{amount}}',
      requested: '{{name}} 于 {{time}} 申请 · 原因：{{reason}}',
      alreadyPending: '该应收已有待审批的坏账申请',
      lastRejected: '最近一次坏账申请已被 {{name}} 驳回：{{comment}}',
    },
  },
};

export type BadDebtMessages = typeof baddebtZh;
export default baddebtZh;
