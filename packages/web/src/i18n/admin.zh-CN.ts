// 简体中文 — 系统管理（管理员）：用户、团队、信用额度、公司信息；设置密码页。admin.en.ts 的类型由此而来。
const adminZh = {
  admin: {
    nav: '系统管理',
    title: '系统管理',
    noAccess: '只有管理员可以进入系统管理',
    saved: '已保存',
    tabs: { users: '用户', teams: '团队', credit: '信用额度', company: '公司信息' },
    users: {
      search: '按姓名或邮箱搜索', add: '新建用户', name: '姓名', email: '邮箱', role: '角色', team: '团队', status: '状态',
      active: '启用', inactive: '已停用', invited: '待接受邀请', actions: '操作', edit: '编辑', deactivate: '停用', activate: '启用',
      reset: '重置密码', reinvite: '重新邀请', sessions: '会话与令牌', noTeam: '（无团队）',
      password: '初始密码', passwordHint: '留空则生成一次性邀请链接，由用户自己设置密码',
      created: '用户已创建', linkTitle: '一次性链接', linkIntro: '把这个链接发给 {{name}}（仅显示这一次，{{expires}} 前有效）：',
      copy: '复制链接', copied: '已复制',
      resetConfirm: '重置 {{name}} 的密码？旧密码和所有会话、API 令牌会立即失效。',
      deactivateConfirm: '停用 {{name}}？其所有会话和 API 令牌会立即失效。',
      tokens: { kind: '类型', session: '登录会话', api: 'API 令牌', name: '名称', created: '创建于', lastUsed: '最近使用', expires: '到期', revoke: '注销', none: '没有有效的会话或令牌', revoked: '已注销' },
    },
    teams: {
      add: '新建团队', name: '团队名称', parent: '上级团队', manager: '负责人', none: '（顶级）', noManager: '（未指定）',
      edit: '编辑团队', move: '拖动团队可调整上下级', moved: '已移动到 {{parent}} 下', top: '顶级',
    },
    credit: {
      defaultsTitle: '按客户等级的默认信用额度', defaultsIntro: '客户没有单独设定额度时，使用其等级的默认额度。新客户因此不会一建立就超出信用额度。',
      grade: '{{grade}} 级', noDefault: '不设（0）', saveDefaults: '保存默认额度',
      customerTitle: '客户信用额度', pick: '选择客户', limit: '信用额度', term: '账期（天）', risk: '风险等级',
      riskLevels: { low: '低', normal: '正常', high: '高' },
      save: '保存额度', position: '可用额度', formula: '可用额度 = 信用额度 − 未收应收 − 已占用合同',
      open: '未收应收', committed: '已占用合同', available: '可用额度', over: '已超出信用额度 {{amount}}',
      fromProfile: '单独设定的额度', fromGrade: '来自 {{grade}} 级默认额度', fromNone: '未设定额度（等级无默认值）',
      committedHint: '已审批、已签署或履约中的合同中尚未开票的部分', onHold: '信用冻结：{{reason}}', history: '额度变更记录',
    },
    company: {
      legalName: '公司全称', taxpayerId: '纳税人识别号', address: '地址', phone: '电话', bankAccounts: '银行账户',
      bank: '开户行', accountName: '户名', accountNumber: '账号', addBank: '添加账户', logo: '公司标志', logoHint: 'PNG、JPEG 或 SVG，200 KB 以内',
      logoTooBig: '图片太大（最多 200 KB）', removeLogo: '移除', save: '保存公司信息', usedOn: '用于对账单，以及之后的报价单和发票。',
    },
  },
  setPassword: {
    title: '设置密码', invite: '{{tenant}} 邀请你加入 L2C', reset: '为 {{tenant}} 的账号设置新密码', account: '账号：{{email}}',
    password: '新密码', confirm: '再次输入', mismatch: '两次输入的密码不一致', min: '至少 8 个字符', submit: '设置密码并登录',
    invalid: '此链接已使用或已过期，请联系管理员重新发送。', done: '密码已设置，请登录', toLogin: '去登录',
  },
};
export type AdminMessages = typeof adminZh;
export default adminZh;
