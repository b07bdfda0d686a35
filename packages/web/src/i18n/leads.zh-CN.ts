// 简体中文 — 线索（列表、详情与状态、线索池、转化、网页表单、分配规则、导入）。英文见 leads.en.ts（同一组键）。
const leadsZh = {
  lead: {
    nav: '线索', poolNav: '线索池', formsNav: '网页表单', title: '线索', poolTitle: '线索池',
    new: '新建线索', import: '导入线索', search: '搜索公司、联系人、编号、电话或邮箱',
    number: '编号', company: '公司', contact: '联系人', title_: '职位', phone: '电话', email: '邮箱', creditCode: '统一社会信用代码',
    industry: '行业', size: '规模', region: '地区', message: '留言', remark: '备注', source: '来源', campaign: '市场活动', status: '状态',
    owner: '负责人', score: '评分', createdAt: '创建时间', lastTouchedAt: '最近跟进', inPool: '线索池', allStatuses: '全部状态', allSources: '全部来源',
    created: '线索已创建', duplicateOf: '疑似重复', empty: '暂无线索',
    statuses: { raw: '原始', mql: '市场认可 MQL', sql: '销售认可 SQL', converted: '已转化', invalid: '无效' },
    sources: { web_form: '网页表单', api: '接口', manual: '手工录入', import: '导入', campaign: '市场活动', referral: '转介绍', other: '其他' },
    kinds: { lead: '线索', contact: '联系人', customer: '客户' },
    detail: {
      history: '状态历史', matches: '疑似重复', noMatches: '未发现重复', consent: '授权', convertedTo: '已转化为',
      customer: '客户', opportunity: '商机', reasons: '依据', scoreLabel: '相似度',
    },
    actions: {
      mql: '标为 MQL', sql: '标为 SQL', back: '退回', invalid: '标为无效', reopen: '重新打开', release: '放入线索池', claim: '领取', assign: '分配', convert: '转化',
      reason: '原因', invalidReason: '无效原因（必填）', releaseReason: '放入线索池的原因', moved: '状态已更新', released: '已放入线索池', claimed: '已领取', assigned: '已分配',
    },
    convert: {
      title: '转化线索', intoNew: '新建客户', intoExisting: '转入已有客户', customerName: '客户名称', existing: '已有客户（查重结果）',
      opportunity: '同时创建商机', opportunityName: '商机名称', amount: '金额', done: '已转化：客户、联系人和商机已创建', dedupHint: '查重发现以下已有记录，可直接转入：',
      allowDuplicate: '仍然新建（已确认不是同一家）',
    },
    pool: { empty: '线索池为空', settings: '回收规则', recycleDays: '负责人多少天未跟进，线索自动回到线索池', saved: '已保存' },
    forms: {
      title: '网页表单', new: '新建表单', name: '名称', key: '表单密钥', origins: '允许的来源网站', originsHint: '每行一个，如 https://www.example.com（为空则不限）',
      fields: '表单字段', consent: '授权声明', active: '启用', submissions: '提交数', snippet: '嵌入代码', snippetHint: '把下面的代码粘贴到您网站的页面中：',
      copied: '已复制', copy: '复制', created: '表单已创建', fieldNames: { companyName: '公司', contactName: '姓名', title: '职位', phone: '电话', email: '邮箱', industry: '行业', companySize: '规模', region: '地区', message: '留言' },
    },
    rules: {
      title: '分配规则', new: '新建规则', name: '名称', position: '顺序', strategy: '方式', conditions: '条件', members: '成员', weight: '权重', quota: '每日上限',
      today: '今日', total: '累计', any: '任意', created: '规则已创建', deleted: '规则已删除',
      strategies: { round_robin: '轮流', weighted: '按权重' },
    },
    imp: {
      title: '导入线索', hint: '支持 .xlsx 和 .csv（UTF-8 或 GBK），最多 100,000 行；第一行为表头（公司名称、联系人、电话、邮箱、行业、规模、地区、备注）。',
      upload: '选择文件', running: '正在导入…', done: '导入完成', failed: '导入失败', total: '总行数', created: '已导入', duplicates: '重复', failedRows: '未导入',
      download: '下载未导入的行', recent: '最近的导入',
    },
  },
};

export type LeadMessages = typeof leadsZh;
export default leadsZh;
