// 简体中文 — 查重与合并、线索评分与客户 RFM。英文见 dedup.en.ts（同一组键）。
const dedupZh = {
  dedup: {
    nav: '查重合并',
    title: '查重与合并',
    tabs: { rules: '查重规则', merges: '合并记录' },
    objects: { lead: '线索', contact: '联系人', customer: '客户' },
    fields: { company_name: '公司名称', phone: '电话', email: '邮箱', credit_code: '统一社会信用代码' },
    rule: {
      add: '新建规则', edit: '编辑规则', object: '适用对象', name: '规则名称', fields: '匹配字段', blocking: '分块方式', threshold: '名称相似度阈值',
      action: '命中后', active: '启用', builtIn: '内置', saved: '规则已保存', deleted: '规则已删除', deleteConfirm: '删除这条规则？',
      blockings: { prefix: '名称前两字分块 + 相似度', exact: '名称完全一致' },
      actions: { flag: '标记提醒', block: '阻止录入' },
      help: '公司名称会去掉“有限公司/股份有限公司/集团”等后缀、“(中国)”与省市前缀后比较；电话支持 +86、短横线、全角数字等写法。某对象还没有自己的规则时，使用内置规则。',
    },
    matches: {
      title: '疑似重复', none: '没有发现疑似重复', score: '相似度', reasons: '命中原因', owner: '负责人', merge: '合并', customer: '所属客户',
    },
    merge: {
      title: '合并', pickMaster: '保留哪一条（主记录）', master: '主记录', duplicate: '重复记录', field: '字段', result: '合并后',
      keepMaster: '用主记录', keepDuplicate: '用重复记录', preview: '预览（不写入）', execute: '确认合并', moves: '将要转移的关联记录',
      noMoves: '没有需要转移的关联记录', table: '数据表', owner: '所属模块', count: '条数', done: '已合并', undo: '撤销合并', undone: '已撤销合并',
      undoConfirm: '撤销这次合并？主记录被合并的字段会恢复，转移的记录会移回。', swap: '对调', moneyRefused: '重复客户有资金事实，不能被合并掉',
      status: { merged: '已合并', undone: '已撤销' }, mergedAt: '合并时间', mergedBy: '操作人', object: '对象', empty: '还没有合并记录',
      open: '去合并',
    },
  },
  scoring: {
    nav: '线索评分',
    title: '线索评分规则',
    panel: '线索评分', score: '评分', grade: '等级', computedGrade: '系统等级', behaviour: '行为分', fit: '匹配分', probability: '预测转化率',
    prior: '基线（对数几率）', factors: '影响因素（对数几率贡献）', feature: '因素', value: '取值', contribution: '贡献', noModel: '还没有训练模型',
    events: '行为记录', event: '行为', points: '分值', at: '时间', record: '记录行为', fitRules: '命中的匹配规则',
    override: { title: '人工调整等级', grade: '等级', reason: '原因', set: '调整', clear: '恢复系统等级', by: '调整人', saved: '等级已调整', cleared: '已恢复系统等级' },
    features: { source: '来源', industry: '行业', region: '地区', size: '规模', campaign: '来自活动', email: '邮箱类型', phone: '电话类型', engagement: '互动次数' },
    settings: {
      title: '评分设置', halfLifeDays: '行为分半衰期（天）', weightBehaviour: '行为权重', weightFit: '匹配权重', weightModel: '模型权重',
      gradeA: 'A 级起点', gradeB: 'B 级起点', gradeC: 'C 级起点', rfmWindowDays: 'RFM 统计窗口（天）', rfmGradeA: 'RFM A 级总分', rfmGradeB: 'RFM B 级总分',
      rfmGradeC: 'RFM C 级总分', eventRules: '行为分值', fitRulesTitle: '匹配规则（行业、规模、地区、来源）', field: '字段', addEvent: '添加行为', addFit: '添加规则',
      saved: '评分规则已保存，已重新计算所有未关闭线索', defaults: '当前使用默认规则', weightsHelp: '三项权重之和须为 100',
    },
    model: {
      title: '转化预测模型', train: '立即训练', trained: '模型已训练，重新评分 {{count}} 条线索', trainedAt: '训练时间', samples: '样本数', positives: '已转化',
      auc: 'AUC（留出 1/5 验证）', learned: '模型学到的因素', help: '朴素贝叶斯（拉普拉斯平滑），用本租户已关闭的线索（已转化 / 无效）学习；每晚自动重训。',
    },
    rfm: {
      title: 'RFM 价值', grade: 'RFM 等级', customerGrade: '客户等级', recency: '最近回款', frequency: '回款次数', monetary: '核销金额', r: 'R', f: 'F', m: 'M',
      total: '总分', asOf: '截至', refresh: '重新计算', never: '无回款', days: '{{count}} 天前', none: '暂无数据',
    },
  },
};

export type DedupMessages = typeof dedupZh;
export default dedupZh;
