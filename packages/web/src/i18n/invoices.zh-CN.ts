// 简体中文 — 发票：开票申请、发票台账、红字确认单、税务平台的批量开票与导入、开票设置，应收与合同上的开票情况。
const invoicesZh = {
  invoice: {
    nav: '发票',
    title: '发票',
    tabs: { requests: '开票申请', register: '发票台账', red: '红字确认单', settings: '开票设置' },
    types: { special: '数电专票', ordinary: '数电普票' },
    colors: { blue: '蓝字', red: '红字' },
    statuses: { pending: '审批中', approved: '待开票', rejected: '已驳回', cancelled: '已撤销', issued: '已开票' },
    redStatuses: { pending: '待确认', confirmed: '已确认', cancelled: '已撤销', issued: '已开红票' },
    redReasons: { sales_return: '销货退回', allowance: '销售折让', error: '开票有误', cancellation: '应税服务中止' },
    fields: {
      number: '申请单号', customer: '客户', type: '发票类型', amountInclTax: '价税合计', amountExclTax: '金额（不含税）', taxAmount: '税额',
      status: '状态', requestedBy: '申请人', requestedAt: '申请时间', invoiceNumber: '发票号码', issueDate: '开票日期', buyer: '购买方',
      taxpayerId: '纳税人识别号', seller: '销售方', remarks: '备注', source: '来源', redAmount: '已红冲', blueInvoice: '蓝字发票',
      reason: '红冲原因', creditNote: '关联红冲应收', items: '开票来源', lines: '发票明细', receivable: '应收单', contract: '合同',
      amount: '开票金额（含税）', color: '红蓝字', decisionComment: '审批意见',
    },
    line: {
      taxCode: '税收分类编码', name: '项目名称', specification: '规格型号', unit: '单位', quantity: '数量', unitPrice: '单价', amount: '金额',
      taxRate: '税率', tax: '税额', add: '添加明细行', pricesIncludeTax: '单价/金额含税',
    },
    actions: {
      request: '申请开票', submit: '提交申请', cancel: '撤销申请', approve: '审批通过', reject: '驳回', issue: '录入发票号码',
      exportBatch: '导出批量开票表', import: '导入开票结果', pdf: '下载 PDF', red: '红冲', confirm: '确认', cancelRed: '撤销', issueRed: '录入红票号码',
      save: '保存',
    },
    request: {
      customer: '客户', sources: '选择应收单', sourceHint: '可选多张应收合并开一张票，也可只开部分金额；一张应收可分多次开票。',
      noReceivables: '该客户暂无应收', noContracts: '该客户暂无已签署的合同', signedOn: '签署日期',
      contractHint: '已签署的合同可在立应收前预开票；合同的开票总额不超过合同金额（含按其应收开的票）。', totals: '明细合计：金额 {{excl}} · 税额 {{tax}} · 价税合计 {{incl}}', itemsTotal: '开票来源合计 {{amount}}',
      mismatch: '明细的价税合计须等于开票来源合计', created: '开票申请已提交，等待财务审批', full: '全额',
    },
    issue: { title: '录入发票号码', hint: '税务平台开具后的 20 位数电发票号码', done: '已登记发票 {{number}}' },
    importResult: '导入 {{rows}} 行：新登记 {{created}} 张，已登记 {{already}} 张，{{errors}} 行有误',
    red: {
      title: '红冲发票 {{number}}', full: '全额红冲', partial: '部分红冲', lineAmount: '本行红冲金额（含税）',
      receivable: '冲减的应收单', hint: '先开具红字确认单，购买方确认后再录入红字发票号码；红冲金额不能超过蓝字发票剩余金额。', created: '红字确认单已创建',
    },
    figures: { title: '开票情况', amount: '应收金额', invoiced: '已开票', requested: '开票中', uninvoiced: '未开票', paid: '已回款' },
    settings: {
      seller: '销售方（开票方）', sellerName: '名称', sellerTaxpayerId: '纳税人识别号', mapping: '税务平台导出表列映射',
      mappingHint: '按税务平台导出文件的表头填写；备注列可用正则取出申请单号。', headerRow: '表头所在行', header: '表头', pattern: '正则（可选）',
      requestNumber: '申请单号', invoiceNumber: '发票号码', issueDate: '开票日期', amountInclTax: '价税合计（核对用）', saved: '已保存', useDefault: '使用默认映射',
      batch: '批量开票表的列名', batchHint: '按税务平台批量开票模板的表头填写；留空则不导出该列。',
      batchFields: {
        requestNumber: '申请单号', invoiceType: '发票类型', buyerName: '购买方名称', buyerTaxpayerId: '购买方纳税人识别号', buyerAddressPhone: '购买方地址电话',
        buyerBankAccount: '购买方开户行及账号', itemName: '项目名称', taxCode: '税收分类编码', specification: '规格型号', unit: '单位', quantity: '数量',
        unitPrice: '单价', amount: '金额', taxRate: '税率', taxAmount: '税额', priceIncludesTax: '含税标志', remarks: '备注',
      },
    },
    empty: '暂无记录',
  },
};

export type InvoiceMessages = typeof invoicesZh;
export default invoicesZh;
