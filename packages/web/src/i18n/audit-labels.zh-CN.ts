// 简体中文 — the audit trail's label registry (lib/auditLabels.tsx): record types, actions, field names and reason codes
// of every domain that writes audit entries. Loaded with the areas' texts, after the first render (resources.zh-CN.ts):
// the home page shows no audit entries. Labels a domain's page already has (campaign.name, lead.sources, …) are not
// repeated here: auditLabels.tsx reads them through FIELD_NS and ENUM_FIELDS. auditLabels.test.ts fails when the
// server records an entity type, action or change field this file (or core's audit.*) does not name.
const auditLabelsZh = {
  auditLabels: {
    entityTypes: { customer_account: '客户账户', company_profile: '公司信息', tenant_settings: '租户设置', invoice: '发票', invoice_request: '开票申请', dunning_task: '催收任务', promise_to_pay: '承诺付款', credit_assessment: '资信评估', bank_statement: '银行对账单', bank_statement_line: '银行流水', approval_definition: '审批规则', bank_column_mapping: '银行流水列映射', campaign: '市场活动', campaign_cost: '活动费用', campaign_member: '活动成员', catalog_unit: '计量单位', contact_relation: '联系人关系', customer_location: '客户位置', decision_role: '决策角色', doc_number_format: '单据编号规则', dunning_mail: '催收邮件', dunning_policy: '催收策略', duplicate_rule: '查重规则', forecast_adjustment: '预测调整', invoice_settings: '开票设置', lead: '线索', lead_assignment_rule: '线索分配规则', lead_form: '网页表单', lead_settings: '线索池设置', merge_job: '合并记录', opportunity: '商机', opportunity_task: '商机任务', price_book: '价目表', pricing_settings: '定价设置', product_line: '产品线', promotion: '促销', promotion_budget: '促销预算', quote: '报价单', red_confirmation: '红字确认单', sales_process: '销售流程', score_model: '评分模型', scoring_config: '评分设置', sku: 'SKU', spu: '产品', tenant: '企业', visit: '拜访', webhook_subscription: 'Webhook 订阅', contract_amendment: '补充协议', bad_debt: '坏账', credit_limit: '信用额度' },
    actions: { credit_hold: '信用冻结', credit_release: '解除信用冻结', flag_high_risk: '标记高风险', mark_overdue: '标记逾期', hold: '信用冻结', release_hold: '解除冻结', issue: '开具', withdraw: '撤回', approval_withdraw: '撤回审批', apply: '应用', check_in: '签到', check_out: '签退', complete: '完成', convert: '转化', export_batch: '批量导出', invite: '邀请', link: '关联', lose: '输单', win: '赢单', match: '匹配', merge: '合并', merge_values: '合并字段值', unmerge: '撤销合并', undo: '撤销', price: '重新计价', red_letter_requested: '申请红字信息表', redeliver: '重新投递', reject_proposal: '拒绝匹配建议', reset_password: '重置密码', set_password: '设置密码', rotate_secret: '更换密钥', score_override: '人工调整评分', score_override_cleared: '取消人工评分', send: '发送', send_test: '发送测试事件', share: '分享', stage: '推进阶段', train: '训练模型', accept: '接受', recycle: '自动回收', pending_approval: '提交审批', draft: '退回草稿', accepted: '客户接受', rejected: '客户拒绝', expired: '已过期' },
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
        approval: '审批', approvedHash: '已批准内容指纹', attachments: '附件', blueInvoice: '蓝字发票', budgetReservations: '预算占用', catalogManagers: '产品目录管理员',
        closeDate: '预计成交日期', color: '红蓝字', confirmedBy: '确认人', contentHash: '内容指纹', contract: '合同', convertedContactId: '转化联系人',
        convertedCustomerId: '转化客户', convertedOpportunityId: '转化商机', creditCode: '统一社会信用代码', decisionNote: '处理说明', entries: '条目',
        event: '事件', invoiceNumber: '发票号码', items: '明细', matchedHow: '匹配方式', mergedIntoId: '合并到', moved: '转移', overrideReason: '调整原因',
        password: '密码', passwordLinkExpiresAt: '密码链接过期时间', productLine: '产品线', recycleDays: '回收天数', redAmount: '红冲金额',
        redInvoiceNumber: '红字发票号码', rejectedReason: '拒绝原因', requested: '申请', requests: '开票申请', rows: '行数', secretHint: '密钥（尾号）',
        shareLink: '分享链接', skuCode: 'SKU 编码', source: '来源', spuCode: '产品编码', spuName: '产品名称', structure: '套装结构', taxCode: '税收分类编码',
        tokenRevoked: '令牌已撤销', unit: '单位', version: '版本', writeOffId: '核销',
        type: '类型', campaignId: '市场活动', leadId: '线索', opportunityId: '商机', skuId: 'SKU',
        companyName: '公司', contactName: '联系人', industry: '行业', companySize: '规模', region: '地区', message: '留言', remark: '备注',
        invalidReason: '无效原因', inPool: '在线索池', stage: '阶段', lostReason: '输单原因', closedOn: '关闭日期',
        cost: '成本', isBundle: '套装', sellable: '可销售', units: '计量单位', validFrom: '生效日期', validTo: '失效日期',
        url: '地址', events: '订阅事件', code: '编码', priority: '优先级', scope: '适用范围', rule: '规则', group: '叠加组', stacking: '叠加方式', budgetId: '预算',
        budgetCode: '预算编码', channel: '渠道', customer: '客户', dealer: '经销商', entryCount: '条目数', remaining: '剩余', reserved: '已占用', consumed: '已使用',
        category: '类别', subjectKind: '对象类型', subjectId: '对象', period: '期间', systemAmount: '系统金额', adjustedAmount: '调整后金额',
        fromContactId: '从', toContactId: '到',
        samples: '样本数', positives: '正样本数', auc: 'AUC', object: '对象', fields: '字段', threshold: '阈值', action: '处理方式',
        docType: '单据类型', example: '示例', datePattern: '日期格式', prefix: '前缀', separator: '分隔符', reset: '重置周期', width: '流水号位数', userIds: '用户',
        dailyQuota: '每日上限', weight: '权重', health: '健康度', done: '已完成', stages: '阶段', importId: '导入批次', duplicateId: '疑似重复',
        allowedOrigins: '允许的来源网站', consentText: '同意声明', members: '成员', masterId: '保留记录', custom: '自定义', fit: '画像规则', points: '分值', position: '顺序', strategy: '分配方式', sources: '来源', regions: '地区', industries: '行业', builtIn: '内置', isDefault: '默认', requirements: '阶段要求', probability: '赢率', key: '标识', doneAt: '完成时间',
      },
      receivable: { source: '应收来源', status: '应收状态' },
      payment: { status: '回款状态' },
      credit_profile: { creditLimit: '信用额度', riskLevel: '风险等级' },
      lead: { title: '职位', status: '线索状态' },
      quote: { title: '项目名称', status: '报价状态' },
      campaign: { status: '活动状态' },
      opportunity: { status: '商机状态' },
      decision_role: { role: '决策角色' },
      campaign_member: { status: '成员状态' },
      visit: { status: '拜访状态' },
      contact_relation: { kind: '关系' },
    },
    reasons: {
      overdue_over_days: '逾期超过 {{days}} 天（{{on}}）', dunning_hold: '催收：应收 {{number}} 逾期 {{days}} 天',
      delivered_milestone: '已交付：{{milestone}}', delivered_instalment: '已交付：第 {{seq}} 期', first_delivery: '首次交付', first_acceptance: '首次验收',
    },
  },};

export default auditLabelsZh;
