// The areas' texts (简体中文): loaded right after the first render (i18n/index.ts); the shell's, the login's
// and the home page's are in core.zh-CN.ts. A new area adds its file pair here and in resources.en.ts.
import baddebtZh from './baddebt.zh-CN';
import payfilesZh from './payfiles.zh-CN';
import exportsZh from './exports.zh-CN';
import invoicesZh from './invoices.zh-CN';
import dunningZh from './dunning.zh-CN';
import bankZh from './bank.zh-CN';
import campaignsZh from './campaigns.zh-CN';

import opportunitiesZh from './opportunities.zh-CN';
import dedupZh from './dedup.zh-CN';
import workspaceAdminZh from './workspace-admin.zh-CN';
import cpqZh from './cpq.zh-CN';
import catalogZh from './catalog.zh-CN';
import leadsZh from './leads.zh-CN';
import auditLabelsZh from './audit-labels.zh-CN';
export default { ...catalogZh, ...baddebtZh, ...payfilesZh, ...exportsZh, ...invoicesZh, ...dunningZh, ...bankZh, ...campaignsZh, ...opportunitiesZh, ...dedupZh, ...workspaceAdminZh, ...cpqZh, ...leadsZh, ...auditLabelsZh };
