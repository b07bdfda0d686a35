// 简体中文 — 市场活动（活动树、成员与签到、费用、ROI）。英文见 campaigns.en.ts（同一组键）。
const campaignsZh = {
  campaign: {
    nav: '市场活动',
    title: '市场活动',
    new: '新建活动',
    newChild: '新建子活动',
    edit: '编辑活动',
    number: '编号', name: '活动名称', parent: '上级活动', type: '类型', status: '状态', period: '活动期间', startOn: '开始日期', endOn: '结束日期',
    owner: '负责人', budget: '预算', currency: '币种', description: '说明', noParent: '（顶级活动）',
    search: '搜索名称或编号', year: '年度', allTypes: '全部类型', allStatuses: '全部状态',
    created: '活动已创建', updated: '活动已更新',
    types: { event: '线下活动', webinar: '网络研讨会', trade_show: '展会', online: '线上推广', ads: '广告投放', email: '邮件营销', content: '内容营销', partner: '渠道合作', other: '其他' },
    statuses: { planned: '计划中', active: '进行中', completed: '已结束', cancelled: '已取消' },
    figures: {
      budget: '预算', actualCost: '实际费用', members: '成员', invited: '已邀请', registered: '已报名', checkedIn: '已签到', leads: '线索', mql: 'MQL',
      converted: '已转化', opportunities: '商机', won: '赢单', wonAmount: '赢单金额', collected: '已回款', roiWon: 'ROI（赢单）', roiCollected: 'ROI（回款）',
      own: '本活动', rollup: '含子活动合计', none: '—',
    },
    tabs: { members: '成员', leads: '线索', costs: '费用', roi: 'ROI', children: '子活动' },
    member: {
      add: '添加成员', person: '姓名', company: '公司', phone: '手机', email: '邮箱', lead: '线索', contact: '联系人', status: '状态',
      invite: '邀请', register: '报名', checkIn: '签到', invitedAt: '邀请时间', registeredAt: '报名时间', checkedInAt: '签到时间',
      leadCreated: '签到生成线索', added: '成员已添加', moved: '已更新成员状态', checkedIn: '已签到', kind: '成员类型',
      kinds: { person: '个人（签到后生成线索）', contact: '已有联系人', lead: '已有线索' },
      contactId: '联系人 ID', leadId: '线索 ID', empty: '还没有成员',
    },
    memberStatuses: { planned: '计划邀请', invited: '已邀请', registered: '已报名', checked_in: '已签到' },
    cost: {
      add: '登记费用', category: '费用类别', amount: '金额', incurredOn: '发生日期', vendor: '供应商', memo: '备注', reverse: '冲销',
      reversed: '已冲销', reversal: '冲销', confirmReverse: '冲销这笔费用？将记一笔负数费用，原记录保留。', added: '费用已登记', total: '实际费用合计',
      empty: '还没有费用',
    },
    costCategories: { venue: '场地', catering: '餐饮', media: '媒体', ads: '广告', materials: '物料', travel: '差旅', agency: '代理服务', gifts: '礼品', staff: '人员', other: '其他' },
    roi: {
      title: '投资回报', definition: '口径', children: '子活动', opportunities: '带来的商机', opportunity: '商机', campaign: '活动', amount: '金额',
      status: '状态', contract: '合同', collected: '已回款', noCost: '尚无费用，无法计算 ROI',
      oppStatuses: { open: '进行中', won: '赢单', lost: '输单' },
      definitionText: 'ROI =（回报 − 实际费用）÷ 实际费用，四舍五入到 4 位小数（1.2500 即 125%），无费用时不计算。两种回报：归属本活动的赢单商机金额；以及这些赢单商机所生成合同的应收上实际核销的回款（扣除反核销）。含子活动合计 = 本活动及其所有下级活动之和（预算、费用、成员、线索、商机、赢单金额、回款），按活动币种。',
    },
    home: { title: '市场漏斗', campaigns: '进行中的活动', leads: '活动线索', mql: 'MQL', converted: '已转化', roi: '年度 ROI（回款）', cost: '年度费用', collected: '年度回款' },
  },
};

export type CampaignMessages = typeof campaignsZh;
export default campaignsZh;
