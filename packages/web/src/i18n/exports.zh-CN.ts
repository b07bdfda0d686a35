// 中文 — 租户数据导出（管理员）；英文版 exports.en.ts 以此类型保持键一致。
const exportsZh = {
  dataExport: {
    nav: '数据导出',
    title: '导出全部数据',
    intro: '下载本租户的全部记录：每张数据表一个 CSV 文件（UTF-8），外加 manifest.json（各表的字段、行数、SHA-256 校验值，以及属于个人信息的字段）和 SHA256SUMS。',
    secrets: '密码和令牌的哈希值永远不会被导出。每次导出都会记入审计日志。',
    snapshot: '导出按页读取，不是单一时点快照：导出期间被修改的记录可能是修改前或修改后的版本。需要整库时点副本请使用备份。',
    start: '开始导出',
    running: '正在导出…',
    received: '已接收 {{size}}',
    rows: '共 {{rows}} 行',
    done: '导出完成：{{name}}',
    failed: '导出失败：{{reason}}',
    noAccess: '只有管理员可以导出租户的全部数据',
    checkHint: '解压后可在终端运行 sha256sum -c SHA256SUMS 核对文件。',
  },
};
export type ExportsMessages = typeof exportsZh;
export default exportsZh;
