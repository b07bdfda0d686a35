// 简体中文 — contracts 合同, approvals 审批 and notifications; contracts.en.ts must have the same shape.
const contractsZh = {
  contract: {
    list: {
      title: '合同', new: '新建合同', searchPlaceholder: '搜索合同编号、标题、客户', empty: '暂无合同',
      alerts: '履约提醒', alertKinds: { not_invoiced: '分期未开应收', delivery_late: '交付/验收逾期', unpaid: '应收未回款' },
      daysLate: '晚 {{days}} 天',
    },
    fields: {
      number: '合同编号', title: '合同标题', kind: '合同类型', customer: '客户', status: '状态', amountExclTax: '不含税金额',
      taxAmount: '税额', amountInclTax: '含税金额', signedOn: '签订日期', owner: '负责人', currency: '币种',
      pricesIncludeTax: '报价方式', paymentTermDays: '账期（天）', deliveryTerms: '交付条款', paymentTerms: '付款条款',
      periodStart: '有效期自', periodEnd: '有效期至', productScope: '产品范围', rebateTerms: '返利条款', createdAt: '创建时间',
      maxDiscountRate: '最大折扣', framework: '所属框架协议',
    },
    form: {
      createTitle: '新建合同', editTitle: '编辑合同草稿', titlePlaceholder: '例如：2026 年度网关采购合同',
      customerPlaceholder: '搜索客户', pricesInclTax: '含税价', pricesExclTax: '不含税价', created: '合同已创建',
      saved: '合同已保存', fixErrors: '请检查标红的字段', notDraft: '只有草稿状态的合同可以编辑', saveDraft: '保存草稿',
      saveAndSubmit: '保存并提交审批', terms: '条款', titleMin: '合同标题至少 2 个字符',
    },
    lines: {
      title: '合同明细', add: '添加明细', description: '品名/描述', productCode: '产品编码', quantity: '数量', unit: '单位',
      unitPriceIncl: '含税单价', unitPriceExcl: '不含税单价', unitPrice: '单价', discount: '折扣 %', taxRate: '税率',
      amountExclTax: '不含税金额', taxAmount: '税额', amountInclTax: '含税金额', total: '合计', empty: '还没有明细',
      descriptionRequired: '请填写品名', quantityInvalid: '数量须大于 0，最多 4 位小数', priceInvalid: '单价最多 6 位小数',
      discountInvalid: '折扣在 0 到 100 之间（不含 100）', frameworkHint: '框架协议的明细是约定价目表，不计入合同金额',
    },
    plan: {
      title: '回款计划', template: '套用模板', templates: { standard_30_60_10: '30/60/10（签约/交付/验收）', full_on_signing: '签约付全款' },
      add: '添加分期', seq: '期次', trigger: '触发条件', by: '计划方式', byPercent: '按比例', byAmount: '按金额', percent: '比例 %',
      amount: '金额', dueDate: '到期日', expectedDate: '预计日期', dueDays: '触发后天数', method: '回款方式', owner: '负责人',
      milestone: '里程碑', resolved: '计划金额', planTotal: '计划合计', contractTotal: '合同总额', toPlan: '待计划金额',
      balanced: '回款计划与合同总额一致', missing: '还差 {{amount}} 未计划', over: '超出 {{amount}}', percentOver: '比例合计超过 100%',
      empty: '还没有分期', receivable: '应收', notTriggered: '未触发', triggeredOn: '{{date}} 触发',
      frameworkHint: '框架协议不承诺金额，无需回款计划', percentInvalid: '比例须大于 0 且不超过 100，最多 6 位小数',
      equal: '均分期数', equalN: '均分 {{n}} 期', equalHint: '每期比例相同；除不尽的分摊到前几期，每期多 1 分',
      amountInvalid: '请输入大于 0 的金额，最多两位小数', dueDateRequired: '按日期触发的分期需要到期日',
      dueDaysHint: '应收到期日 = 触发日 + 天数', noTotal: '填写合同明细后自动计算各期金额',
    },
    detail: {
      notFound: '合同不存在或您无权查看', lines: '合同明细', plan: '回款计划', approvals: '审批进度', timeline: '时间线',
      amendments: '补充协议', terms: '合同条款', signatories: '签署人', signedFile: '已签署文件', download: '下载',
      creditOverride: '超信用额度审批通过', noApproval: '尚未提交审批', termsLocked: '已签署，商务条款已锁定',
      compliance: '合规检查', complianceOk: '合规检查通过', openReceivable: '查看应收',
    },
    actions: {
      submit: '提交审批', sign: '签署', deliver: '登记交付/验收', amend: '补充协议', terminate: '终止合同', complete: '完成合同',
      startPerformance: '开始履约', submitted: '已提交审批：{{steps}}', approvedAtOnce: '无需审批，已自动通过', signed: '合同已签署',
      delivered: '已登记，对应应收已生成', terminated: '合同已终止', completed: '合同已完成', performing: '合同已进入履约',
      amended: '补充协议已提交审批', terminateReason: '终止原因', terminateHint: '终止后将撤回进行中的审批，且不可恢复。',
      completeConfirm: '确认合同已履约完成？', performConfirm: '确认合同开始履约？', downloadFile: '下载签署文件',
    },
    sign: {
      title: '签署合同', signedOn: '签订日期', signatories: '签署人', name: '姓名', party: '签署方',
      parties: { customer: '客户方', company: '我方' }, signatoryTitle: '职务', addSignatory: '添加签署人', file: '签署文件',
      fileHint: '上传双方签字盖章的合同扫描件（PDF 或图片，10 MB 以内）。系统会保存其 SHA-256 指纹。',
      fileRequired: '请上传已签署的文件', signatoryRequired: '至少填写一位签署人', pick: '选择文件', nameRequired: '请填写姓名',
    },
    delivery: {
      title: '登记交付 / 验收', instalment: '对应分期', deliveredOn: '交付/验收日期', hint: '登记后，对应分期的应收款将自动生成。',
      none: '没有等待交付或验收的分期', instalmentRequired: '请选择分期',
    },
    amendment: {
      title: '补充协议', reason: '变更原因', intro: '已签署合同的商务条款只能通过审批通过的补充协议变更。已触发或已开应收的分期保持不变，新计划只覆盖剩余金额。',
      pending: '有一份补充协议正在审批中', number: '编号', amountBefore: '变更前金额', amountAfter: '变更后金额',
      statuses: { in_approval: '审批中', approved: '已生效', rejected: '已驳回', returned: '已退回', cancelled: '已撤销' },
      locked: '已触发的分期合计 {{amount}}（保持不变）', empty: '暂无补充协议', reasonMin: '请说明变更原因（至少 2 个字）',
    },
    compliance: {
      failed: '合规检查未通过，不能提交审批', approvalNeeded: '需要额外审批', passed: '合规检查通过',
      codes: {
        payment_term_exceeded: '账期超过客户允许天数', plan_missing: '缺少回款计划', plan_mismatch: '回款计划与合同总额不一致',
        lines_missing: '缺少合同明细', credit_exceeded: '超出客户可用信用额度', credit_hold: '客户信用已冻结', framework_invalid: '框架协议无效',
      },
      summary: '允许账期 {{days}} 天 · 信用额度 {{limit}} · 可用 {{available}} · 风险 {{risk}}',
      paths: { paymentTermDays: '账期', instalments: '回款计划', lines: '合同明细', amountInclTax: '含税金额', frameworkId: '框架协议', instalment: '第 {{n}} 期' },
    },
  },
  approval: {
    inbox: {
      title: '审批', intro: '需要您审批的合同、补充协议和坏账核销。', empty: '没有待您审批的事项', waitingSince: '等待自 {{time}}',
      submittedBy: '提交人', step: '当前步骤', open: '查看单据', docTypes: { contract: '合同', contract_amendment: '补充协议', bad_debt: '坏账核销', invoice_request: '开票申请', credit_limit: '信用额度调整', quote: '报价单' },
    },
    actions: {
      approve: '同意', reject: '驳回', return: '退回修改', comment: '审批意见', commentOptional: '审批意见（可选）',
      commentRequired: '请填写原因（至少 2 个字）', approved: '已同意', rejected: '已驳回', returned: '已退回',
    },
    facts: {
      amount: '金额', amountExclTax: '不含税金额', maxDiscount: '最大折扣', paymentTermDays: '账期', riskLevel: '风险等级',
      overCredit: '超信用额度', customerGrade: '客户等级', amountBefore: '变更前金额', amountDelta: '变动金额', kind: '类型', amountOpen: '未收金额', reason: '原因',
      days: '{{days}} 天',
    },
    progress: { submitted: '{{name}} 于 {{time}} 提交', approvers: '审批人：{{names}}', actedBy: '{{name}} · {{time}}', history: '历次审批' },
    stepNames: { Manager: '直属经理', Finance: '财务', Executive: '管理层', 'Second approver': '复核人' },
  },
  notification: {
    title: '通知', empty: '暂无通知', markAll: '全部已读', unread: '{{count}} 条未读', viewAll: '查看',
  },
};

export type ContractsMessages = typeof contractsZh;
export default contractsZh;
