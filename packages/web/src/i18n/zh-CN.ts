// 简体中文 — the source of truth for message keys; en.ts must have the same shape.
import cashZh from './cash.zh-CN';
import contractsZh from './contracts.zh-CN';

const zhCN = {
  app: { name: 'L2C', tagline: '从线索到回款' },
  common: {
    save: '保存', cancel: '取消', ok: '确定', create: '新建', edit: '编辑', delete: '删除', search: '搜索',
    reset: '重置', loadMore: '加载更多', noMore: '没有更多了', actions: '操作', yes: '是', no: '否',
    loading: '加载中…', back: '返回', reload: '重新加载', none: '—', refresh: '刷新', submit: '提交',
    confirmDelete: '确定删除吗？', saved: '已保存', deleted: '已删除', loadedCount: '已加载 {{count}} 条',
    required: '请填写{{field}}', selectPlaceholder: '请选择', close: '关闭', view: '查看', filters: '筛选',
  },
  nav: {
    home: '首页', crm: '客户管理', customers: '客户', pool: '公海', system: '系统', audit: '审计日志',
    tokens: 'API 令牌', menu: '菜单', cash: '合同与回款', contracts: '合同', approvals: '审批', receivables: '应收',
    payments: '回款', writeOff: '核销', aging: '账龄',
  },
  header: { switchLang: 'English', switchLangTitle: '切换语言', logout: '退出登录', loggedOut: '已退出登录' },
  roles: {
    admin: '管理员', sales_manager: '销售经理', sales_rep: '销售', finance: '财务', marketer: '市场', executive: '管理层',
  },
  scope: { own: '本人数据', team: '本团队数据', all: '全部数据' },
  login: {
    title: '登录 L2C', subtitle: '从线索到回款的一体化 CRM', email: '邮箱', password: '密码', submit: '登录',
    emailRequired: '请输入邮箱', emailInvalid: '邮箱格式不正确', passwordRequired: '请输入密码',
    failed: '邮箱或密码不正确', welcome: '登录成功',
  },
  home: {
    welcome: '欢迎回来，{{name}}', subtitle: '{{tenant}} · {{role}} · {{scope}}', myCustomers: '可见客户',
    poolCustomers: '公海客户', quickLinks: '快捷入口', newCustomer: '新建客户', goPool: '去公海领取客户',
    goCustomers: '查看客户列表', more: '{{count}}+',
  },
  customer: {
    fields: {
      number: '编号', name: '客户名称', creditCode: '统一社会信用代码', industry: '行业', region: '地区',
      grade: '客户等级', source: '客户来源', phone: '电话', address: '地址', website: '网址', parent: '上级公司',
      remark: '备注', owner: '负责人', inPool: '在公海', poolEnteredAt: '进入公海时间',
      lastFollowUpAt: '最近跟进', createdAt: '创建时间', updatedAt: '更新时间', version: '版本',
    },
    list: {
      title: '客户', new: '新建客户', searchPlaceholder: '搜索名称、拼音或首字母、编号、信用代码、电话', export: '导出',
      import: '导入', regionPlaceholder: '地区', noOwner: '无负责人',
    },
    form: {
      createTitle: '新建客户', editTitle: '编辑客户', namePlaceholder: '公司全称',
      creditCodePlaceholder: '18 位统一社会信用代码', creditCodeInvalid: '统一社会信用代码无效（18 位，校验位需匹配）',
      nameMin: '客户名称至少 2 个字符', phoneInvalid: '电话号码格式不正确', websiteInvalid: '网址格式不正确',
      parentPlaceholder: '搜索上级公司', created: '客户已创建', updated: '客户已更新', noChanges: '没有修改',
      fixErrors: '请检查标红的字段',
    },
    dup: {
      title: '发现疑似重复客户', intro: '以下客户与您填写的信息相似，请先确认是否为同一家公司：',
      createAnyway: '仍然创建', blockedTitle: '信用代码已被使用', blockedIntro: '已有客户使用了这个统一社会信用代码，不能重复创建：',
      reason: { credit_code: '信用代码相同', similar_name: '名称相似', phone: '电话相同' },
    },
    detail: {
      overview: '概览', contacts: '联系人', followups: '跟进记录', audit: '变更记录', inPool: '公海中',
      release: '退回公海', claim: '领取', assign: '分配', notFound: '客户不存在或您无权查看',
    },
    versionConflict: '该记录已被他人修改，请重新加载后再试', reloadLatest: '加载最新数据',
  },
  enums: {
    industry: {
      manufacturing: '制造业', it: '信息技术', finance: '金融', retail: '零售', healthcare: '医疗健康',
      education: '教育', energy: '能源', construction: '建筑', logistics: '物流', government: '政府及公共事业', other: '其他',
    },
    source: {
      manual: '手工录入', import: '导入', website: '官网', campaign: '市场活动', referral: '转介绍',
      exhibition: '展会', partner: '合作伙伴', other: '其他',
    },
    grade: { A: 'A 级（重点）', B: 'B 级', C: 'C 级', D: 'D 级' },
    decisionRole: {
      decision_maker: '决策人', influencer: '影响者', evaluator: '评估者', user: '使用者', gatekeeper: '把关者',
      champion: '内部支持者', other: '其他',
    },
    followUpKind: { call: '电话', visit: '拜访', email: '邮件', wechat: '微信', meeting: '会议', other: '其他' },
    ...cashZh.cashEnums,
  },
  contact: {
    fields: {
      name: '姓名', title: '职务', mobile: '手机', phone: '座机', email: '邮箱', decisionRole: '决策角色',
      isPrimary: '主联系人', remark: '备注',
    },
    add: '添加联系人', addTitle: '添加联系人', editTitle: '编辑联系人', primary: '主', empty: '暂无联系人',
    emailInvalid: '邮箱格式不正确',
  },
  followup: {
    add: '写跟进', kind: '方式', content: '跟进内容', contact: '联系人', nextStep: '下一步', nextDate: '下次跟进日期',
    empty: '暂无跟进记录', created: '跟进已记录', next: '下一步：{{step}}', nextOn: '（{{date}}）', by: '{{name}} 记录',
    contentPlaceholder: '沟通了什么？客户有什么需求？',
  },
  audit: {
    title: '审计日志', time: '时间', actor: '操作人', action: '动作', entity: '对象', changes: '变更内容',
    entityType: '对象类型', actorFilter: '操作人', range: '时间范围', empty: '暂无记录', system: '系统',
    noChanges: '无字段变更', noAccess: '您没有查看审计日志的权限',
    entityTypes: {
      customer: '客户', contact: '联系人', followup: '跟进记录', user: '用户', team: '团队', api_token: 'API 令牌', session: '会话',
      contract: '合同', receivable: '应收', payment: '回款', write_off: '核销', approval: '审批', credit_profile: '信用档案',
      bad_debt_request: '坏账申请',
    },
    actions: {
      create: '创建', update: '修改', delete: '删除', claim: '领取', release: '退回公海', assign: '分配',
      import: '导入', export: '导出', login: '登录', logout: '退出', revoke: '撤销', reclaim: '自动回收公海',
      submit: '提交审批', approve: '审批通过', reject: '驳回', return: '退回', sign: '签署', status: '状态变更', terminate: '终止',
      deliver: '交付/验收', amend_submit: '提交补充协议', amend: '补充协议生效', amend_refused: '补充协议未通过',
      request_bad_debt: '申请坏账', confirm: '确认', cancel: '撤销', approval_submit: '发起审批', approval_approve: '审批同意',
      approval_reject: '审批驳回', approval_return: '审批退回', approval_cancel: '撤回审批',
      attach_file: '上传附件', auto_approve: '自动通过', flag_high_risk: '标记高风险', rebate: '返利入账', reverse: '反核销',
      write_off: '核销', bad_debt: '坏账核销',
    },
    fields: {
      ownerName: '负责人', ownerId: '负责人 ID', parentId: '上级公司', reason: '原因', revokedAt: '撤销时间', expiresAt: '过期时间',
      status: '状态', amendment: '补充协议', delivered: '交付', signedOn: '签订日期', creditOverride: '超额度通过', amountInclTax: '含税金额',
      title: '标题', lines: '明细', instalments: '回款计划', signatories: '签署人', signedFileSha256: '文件 SHA-256', badDebtRequested: '申请坏账金额',
      approvalStep: '审批步骤', decision: '决定', comment: '意见', approvalChain: '审批链', approvalFacts: '审批要素', signedFile: '签署文件',
      customerId: '客户 ID',
    },
  },
  pool: {
    title: '公海', intro: '长期未跟进或已退回的客户会进入公海，任何销售都可以领取。',
    searchPlaceholder: '搜索公海客户', claim: '领取', claimed: '已领取，客户已归入您的名下', assign: '分配',
    assignTitle: '分配客户', assignee: '分配给', assigned: '已分配', releaseTitle: '退回公海', releaseReason: '退回原因',
    released: '已退回公海', empty: '公海里暂时没有客户',
  },
  users: { searchPlaceholder: '搜索用户姓名或邮箱', inactive: '已停用' },
  import: {
    title: '导入客户', upload: '选择 Excel 文件（.xlsx）', template: '下载导入模板',
    hint: '请按模板填写，第一行为表头。单次最多导入 5000 行。', total: '总行数', created: '成功', failed: '失败',
    allowDuplicates: '名称相似的客户也导入（信用代码相同的仍会被拒绝）', row: '行号', field: '字段', message: '问题', done: '导入完成', uploading: '正在导入…',
  },
  tokens: {
    title: 'API 令牌', intro: 'API 令牌用于系统集成，调用时在请求头中携带 Authorization: Bearer <令牌>。',
    new: '新建令牌', name: '名称', namePlaceholder: '例如：ERP 同步', expiresInDays: '有效期（天）', createdAt: '创建时间',
    expiresAt: '过期时间', lastUsedAt: '最近使用', status: '状态', active: '有效', revoked: '已撤销', expired: '已过期',
    revoke: '撤销', revokeConfirm: '撤销后使用该令牌的集成将立即失效，确定吗？', revokedOk: '令牌已撤销',
    createdTitle: '令牌已创建', createdHint: '请立即复制并妥善保存，该令牌只显示这一次。', never: '从未',
  },
  errors: {
    generic: '操作失败：{{detail}}', network: '网络连接失败，请检查网络后重试', forbidden: '您没有权限执行此操作',
    notFound: '记录不存在或您无权访问', versionConflict: '该记录已被他人修改，请重新加载后再试',
    unauthenticated: '登录已过期，请重新登录', rateLimited: '操作太频繁，请稍后再试', validation: '输入有误，请检查',
    server: '服务器出错了（请求编号 {{requestId}}）', csrf: '安全校验失败，请刷新页面后重试',
    codes: {
      customers: {
        duplicate_credit_code: '该统一社会信用代码已被其他客户使用', not_in_pool: '该客户不在公海中',
        in_pool: '该客户在公海中，请先领取', claim_cap_reached: '您今天从公海领取的客户已达上限',
        owner_not_found: '不能分配给该用户', parent_invalid: '上级公司无效（不可见或形成循环）',
        bad_file: '文件不是可读取的 .xlsx 工作簿，或缺少表头行', not_found: '客户不存在或您无权查看',
        too_many_rows: '单个文件最多 5000 个客户，请拆分成多个文件', too_many_cells: '文件中的单元格或文字过多，请删除其他工作表和列，或拆分文件',
        file_too_large: '文件超过 10 MB，请拆分成多个文件',
        contact_not_found: '联系人不存在',
      },
      identity: {
        bad_credentials: '邮箱或密码不正确', locked: '登录失败次数过多，账号已被临时锁定，请稍后再试',
        tenant_required: '该邮箱属于多个企业，请指定企业', token_not_found: 'API 令牌不存在',
      },
      ...cashZh.cashErrors,
    },
  },
  notFound: { title: '页面不存在', back: '返回首页' },
  ...contractsZh,
  receivable: cashZh.receivable, payment: cashZh.payment, writeOff: cashZh.writeOff, account: cashZh.account,
  statement: cashZh.statement, aging: cashZh.aging,
};

export type Messages = typeof zhCN;
export default zhCN;
