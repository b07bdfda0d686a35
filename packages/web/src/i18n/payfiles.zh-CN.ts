// 简体中文 — 回款凭证 (payment receipt files: 银行回单, remittance advice) in the payment form and the payment drawer;
// payfiles.en.ts must have the same shape. Merged into the message tree in index.ts.
const payfilesZh = {
  paymentFiles: {
    title: '回款凭证',
    hint: '银行回单、汇款通知等：PDF、PNG、JPEG、OFD 或 XLSX，单个不超过 10 MB，每笔回款最多 20 个。凭证上传后不可修改或删除。',
    dragText: '点击或拖拽文件到这里，添加银行回单',
    dragHint: '回款登记成功后自动上传',
    add: '添加凭证',
    download: '下载',
    empty: '尚未上传回款凭证',
    uploading: '正在上传 {{name}}…',
    uploaded: '{{name}} 已上传',
    alreadyAttached: '{{name}} 与已有凭证内容相同，未重复保存',
    uploadFailed: '{{name}} 上传失败：{{reason}}',
    someFailed: '回款已登记，但有 {{count}} 个凭证未上传成功，请在回款详情中重新添加',
    fields: { name: '文件', size: '大小', uploadedBy: '上传人', uploadedAt: '上传时间', sha256: 'SHA-256' },
    errors: {
      type: '{{name}}：只接受 PDF、PNG、JPEG、OFD、XLSX 文件',
      tooLarge: '{{name}}：文件超过 10 MB',
      tooMany: '每笔回款最多 20 个凭证',
      empty: '{{name}}：文件是空的',
      content: '{{name}}：文件内容与扩展名不符',
    },
  },
  paymentDetail: {
    title: '回款详情',
    open: '查看回款 {{number}}',
    confirmedAt: '确认时间',
    createdAt: '登记时间',
  },
};

export type PayFilesMessages = typeof payfilesZh;
export default payfilesZh;
