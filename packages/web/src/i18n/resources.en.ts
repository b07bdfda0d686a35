// English resources, loaded only when the interface is in English (i18n/index.ts).
// Every area's file pair is merged here (top-level keys per area); resources.zh-CN.ts has the same list.
import en from './en';
import baddebtEn from './baddebt.en';
import payfilesEn from './payfiles.en';
import exportsEn from './exports.en';
import invoicesEn from './invoices.en';
import adminEn from './admin.en';
import dunningEn from './dunning.en';
import bankEn from './bank.en';
import workspace from './workspace.en';
import campaignsEn from './campaigns.en';
import dedupEn from './dedup.en';
import opportunitiesEn from './opportunities.en';
import workspaceAdminEn from './workspace-admin.en';
import cpqEn from './cpq.en';
import leadsEn from './leads.en';
import catalogEn from './catalog.en';
export default { ...catalogEn, ...en, ...baddebtEn, ...payfilesEn, ...exportsEn, ...invoicesEn, ...adminEn, ...dunningEn, ...bankEn, ...workspace, ...campaignsEn, ...dedupEn, ...opportunitiesEn, ...workspaceAdminEn, ...cpqEn, ...leadsEn };
