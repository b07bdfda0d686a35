// The areas' texts (English): loaded right after the first render (i18n/index.ts); the shell's, the login's
// and the home page's are in core.en.ts. A new area adds its file pair here and in resources.zh-CN.ts.
import baddebtEn from './baddebt.en';
import payfilesEn from './payfiles.en';
import exportsEn from './exports.en';
import invoicesEn from './invoices.en';
import dunningEn from './dunning.en';
import bankEn from './bank.en';
import campaignsEn from './campaigns.en';

import opportunitiesEn from './opportunities.en';
import dedupEn from './dedup.en';
import workspaceAdminEn from './workspace-admin.en';
import cpqEn from './cpq.en';
import catalogEn from './catalog.en';
import leadsEn from './leads.en';
import auditLabelsEn from './audit-labels.en';
export default { ...catalogEn, ...baddebtEn, ...payfilesEn, ...exportsEn, ...invoicesEn, ...dunningEn, ...bankEn, ...campaignsEn, ...opportunitiesEn, ...dedupEn, ...workspaceAdminEn, ...cpqEn, ...leadsEn, ...auditLabelsEn };
