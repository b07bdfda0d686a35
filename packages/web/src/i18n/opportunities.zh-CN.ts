// 简体中文 — 商机（列表、看板、详情、漏斗与预测）、拜访和大客户（集团树、决策地图）。opportunities.en.ts 与此键一致。
const opportunitiesZh = {
  opp: {
    nav: '商机', pipelineNav: '漏斗与预测', title: '商机', new: '新建商机', list: '列表', kanban: '看板',
    number: '编号', name: '商机名称', customer: '客户', contact: '联系人', owner: '负责人', process: '销售流程', stage: '阶段', status: '状态',
    amount: '金额', weighted: '加权金额', closeDate: '预计成交', probability: '赢率', forecastCategory: '预测类别', daysInStage: '停留天数',
    currency: '币种', campaign: '市场活动', competitor: '竞争对手', search: '搜索名称、编号或客户', allStatuses: '全部状态', created: '商机已创建', saved: '已保存',
    statuses: { open: '进行中', won: '赢单', lost: '输单' },
    categories: { pipeline: '管道', best_case: '最佳情况', commit: '承诺', omitted: '不计入' },
    lines: { title: '产品明细', productCode: '产品编码', productName: '产品名称', quantity: '数量', unitPrice: '单价', discount: '折扣率', amount: '金额', add: '添加产品', none: '无明细：金额按手填' },
    edit: '编辑', editTitle: '编辑商机', moveTo: '推进到', moved: '已推进到 {{stage}}',
    missing: '进入“{{stage}}”前还需要：', missingNone: '可以推进',
    requirement: {
      contactId: '指定联系人', closeDate: '填写预计成交日期', amount: '填写金额', lines: '添加产品明细', competitor: '填写竞争对手',
      'health.need': '需求评分≥2', 'health.budget': '预算评分≥2', 'health.decision_chain': '决策链评分≥2', 'health.competition': '竞争评分≥2',
      'health.value': '价值评分≥2', 'health.timeline': '时间线评分≥2', task: '完成任务：{{label}}',
    },
    health: {
      title: '健康度', score: '得分', rating: '评分（0–3）', note: '说明', levels: { good: '健康', watch: '关注', at_risk: '风险' },
      dimensions: { need: '需求', budget: '预算', decision_chain: '决策链', competition: '竞争', value: '价值', timeline: '时间线' },
      reasons: {
        rated: '评分 {{p}}/3', not_rated: '未评分', no_contact: '未指定联系人', no_amount: '未填金额', no_lines: '无产品明细',
        decision_maker_supports: '决策人支持：{{p}}', decision_maker_missing: '决策地图中没有决策人', opponent: '强力反对者：{{p}}',
        competitor: '竞争对手：{{p}}', no_close_date: '没有预计成交日期', close_date_passed: '预计成交日期已过', closes_in: '{{p}} 天后成交', stuck: '已在当前阶段 {{p}} 天',
      },
    },
    tasks: { title: '任务', add: '添加任务', titleField: '任务', key: '要求键（可选）', due: '截止', done: '完成', doneAt: '完成于', none: '暂无任务' },
    history: { title: '阶段历史', from: '从', to: '到', at: '时间', by: '操作人', hours: '停留（小时）' },
    makeQuote: '生成报价单', win: '赢单', winTitle: '确认赢单', winContract: '同时生成订单合同草稿（客户、产品和金额带入合同）', wonContract: '已生成合同草稿 {{number}}', openContract: '查看合同',
    lose: '输单', loseTitle: '确认输单', lostReason: '输单原因', lostNote: '备注',
    lostReasons: { price: '价格', product_fit: '产品不匹配', competitor: '输给竞争对手', no_budget: '没有预算', no_decision: '客户未决策', timing: '时机不对', relationship: '关系不足', other: '其他' },
    funnel: {
      title: '销售漏斗', reached: '到达数', conversion: '转化到下一阶段', avgDays: '平均停留（天）', open: '在途', openAmount: '在途金额',
      won: '赢单', lost: '输单', winRate: '赢率', wonAmount: '赢单金额', period: '期间（按创建日期）',
    },
    forecast: {
      title: '销售预测', period: '期间', month: '月', quarter: '季度', groupBy: '按', rep: '销售', team: '团队', subject: '对象',
      won: '已赢单', commit: '承诺', bestCase: '最佳情况', pipeline: '管道', weightedF: '加权', system: '系统', adjusted: '调整后',
      adjust: '调整', adjustTitle: '经理调整：{{subject}}', category: '类别', adjustedAmount: '调整金额', reason: '原因', adjustedBy: '由 {{name}} 调整', total: '合计',
      history: '调整记录', none: '本期没有商机',
    },
  },
  visit: {
    nav: '拜访', title: '拜访计划', plan: '计划拜访', plannedOn: '日期', purpose: '目的', customer: '客户', contact: '联系人', opportunity: '商机',
    status: '状态', statuses: { planned: '已计划', checked_in: '已签到', completed: '已完成', cancelled: '已取消' },
    checkIn: '签到', checkOut: '签退', cancel: '取消拜访', locating: '正在定位…', gpsFailed: '无法获取定位：{{reason}}。请手动输入坐标。',
    lat: '纬度', lng: '经度', manual: '手动输入', distance: '距客户 {{m}} 米', noReference: '客户尚无位置（首次 GPS 签到将作为客户位置）',
    duration: '时长 {{min}} 分钟', record: '拜访记录', attendees: '参与人', discussed: '沟通内容', outcome: '结果', needs: '客户需求', competitorInfo: '竞品信息',
    nextSteps: '下一步（跟进任务）', nextDate: '跟进日期', outcomes: { positive: '积极', neutral: '一般', negative: '消极' },
    checkedIn: '已签到', checkedOut: '已签退，跟进记录已写入客户', planned: '已计划', week: '本周', today: '今天', from: '从', to: '到', setLocation: '设置客户位置', locationSaved: '客户位置已保存',
  },
  ka: {
    nav: '大客户', title: '大客户：{{name}}', tree: '集团架构', map: '决策地图', hidden: '（不在你的范围内）', focus: '当前客户',
    role: '角色', influence: '影响力', attitude: '态度', note: '说明', setRole: '设置角色', relate: '添加关系', from: '从', to: '到', kind: '关系', remove: '删除',
    roles: { decision_maker: '决策者', economic_buyer: '经济决策人', technical_buyer: '技术把关人', user_buyer: '使用者', influencer: '影响者', coach: '内线', gatekeeper: '把关人' },
    attitudes: { champion: '拥护者', supporter: '支持', neutral: '中立', skeptic: '怀疑', opponent: '反对' },
    relations: { reports_to: '汇报给', influences: '影响', ally: '盟友', rival: '对立' },
    unmapped: '未设置', open: '大客户视图',
  },
};
export type OpportunityMessages = typeof opportunitiesZh;
export default opportunitiesZh;
