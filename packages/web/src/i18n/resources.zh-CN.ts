// 简体中文 resources, loaded only when the interface is in Chinese (i18n/index.ts).
// Every area's file pair is merged here (top-level keys per area); resources.en.ts has the same list.
import zhCN from './zh-CN';
import baddebtZh from './baddebt.zh-CN';
import payfilesZh from './payfiles.zh-CN';
import exportsZh from './exports.zh-CN';
import invoicesZh from './invoices.zh-CN';
import adminZh from './admin.zh-CN';
import dunningZh from './dunning.zh-CN';
import bankZh from './bank.zh-CN';
import workspace from './workspace.zh-CN';
import campaignsZh from './campaigns.zh-CN';
import dedupZh from './dedup.zh-CN';
import opportunitiesZh from './opportunities.zh-CN';
import workspaceAdminZh from './workspace-admin.zh-CN';
import cpqZh from './cpq.zh-CN';
import leadsZh from './leads.zh-CN';
import catalogZh from './catalog.zh-CN';
export default { ...catalogZh, ...zhCN, ...baddebtZh, ...payfilesZh, ...exportsZh, ...invoicesZh, ...adminZh, ...dunningZh, ...bankZh, ...workspace, ...campaignsZh, ...dedupZh, ...opportunitiesZh, ...workspaceAdminZh, ...cpqZh, ...leadsZh };
