// campaigns 市场活动 (MTL): a parent/child tree with roll-ups, costs as facts, members through the event flow plan →
// invite → register → check-in (a checked-in person becomes a lead), and the return on a campaign — cost against won
// opportunities and against the cash collected on their contracts. It offers
// - campaignsRoutes (given leads' capture and scoring's behaviour functions by app.ts, as CampaignsDeps);
// - getCampaignTx / campaignExistsTx, for leads' and opportunities' campaign_id;
// - recordCampaignMemberTx, for leads (a campaign's web form makes the lead a member); recordImportedMembersTx (an
//   import with a campaign makes every imported lead a member);
// - moveCampaignMemberRefsTx, for merges (flows/merge): memberships of a lead or contact move to the master;
// - roiOf and ROI_DEFINITION, the one ROI formula;
// - createCampaign, addCampaignCost, reverseCampaignCost, addCampaignMember, advanceCampaignMember: what the routes do,
//   for the demo.
// It owns campaigns, campaign_costs and campaign_members (tables.ts).
export { campaignsRoutes, type CampaignsDeps } from './campaigns.routes.js';
export { getCampaignTx, campaignExistsTx, roiOf, ROI_DEFINITION } from './campaigns.service.js';
export { recordCampaignMemberTx, recordImportedMembersTx, moveCampaignMemberRefsTx, type CaptureLead, type RecordBehaviour, type CampaignLeadInput } from './members.service.js';
export { createCampaign } from './campaigns.service.js';
export { addMember as addCampaignMember, advanceMember as advanceCampaignMember } from './members.service.js';
export { addCost as addCampaignCost, reverseCost as reverseCampaignCost } from './costs.service.js';
export { campaignError } from './campaigns.errors.js';
