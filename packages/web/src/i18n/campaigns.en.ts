// English — campaigns (the tree, members and check-in, costs, ROI); the type keeps the keys in step with campaigns.zh-CN.ts.
import type { CampaignMessages } from './campaigns.zh-CN';

const campaignsEn: CampaignMessages = {
  campaign: {
    nav: 'Campaigns',
    title: 'Campaigns',
    new: 'New campaign',
    newChild: 'New sub-campaign',
    edit: 'Edit campaign',
    number: 'Number', name: 'Name', parent: 'Parent', type: 'Type', status: 'Status', period: 'Period', startOn: 'Starts', endOn: 'Ends',
    owner: 'Owner', budget: 'Budget', currency: 'Currency', description: 'Description', noParent: '(top level)',
    search: 'Search name or number', year: 'Year', allTypes: 'All types', allStatuses: 'All statuses',
    created: 'Campaign created', updated: 'Campaign updated',
    types: { event: 'Event', webinar: 'Webinar', trade_show: 'Trade show', online: 'Online', ads: 'Ads', email: 'Email', content: 'Content', partner: 'Partner', other: 'Other' },
    statuses: { planned: 'Planned', active: 'Active', completed: 'Completed', cancelled: 'Cancelled' },
    figures: {
      budget: 'Budget', actualCost: 'Actual cost', members: 'Members', invited: 'Invited', registered: 'Registered', checkedIn: 'Checked in', leads: 'Leads', mql: 'MQL',
      converted: 'Converted', opportunities: 'Opportunities', won: 'Won', wonAmount: 'Won amount', collected: 'Cash collected', roiWon: 'ROI (won)', roiCollected: 'ROI (cash)',
      own: 'This campaign', rollup: 'With sub-campaigns', none: '—',
    },
    tabs: { members: 'Members', leads: 'Leads', costs: 'Costs', roi: 'ROI', children: 'Sub-campaigns' },
    member: {
      add: 'Add member', person: 'Name', company: 'Company', phone: 'Mobile', email: 'Email', lead: 'Lead', contact: 'Contact', status: 'Status',
      invite: 'Invite', register: 'Register', checkIn: 'Check in', invitedAt: 'Invited', registeredAt: 'Registered', checkedInAt: 'Checked in',
      leadCreated: 'Lead from check-in', added: 'Member added', moved: 'Member updated', checkedIn: 'Checked in', kind: 'Member is',
      kinds: { person: 'A person (becomes a lead at check-in)', contact: 'An existing contact', lead: 'An existing lead' },
      contactId: 'Contact id', leadId: 'Lead id', empty: 'No members yet',
    },
    memberStatuses: { planned: 'Planned', invited: 'Invited', registered: 'Registered', checked_in: 'Checked in' },
    cost: {
      add: 'Record cost', category: 'Category', amount: 'Amount', incurredOn: 'Incurred on', vendor: 'Vendor', memo: 'Memo', reverse: 'Reverse',
      reversed: 'Reversed', reversal: 'Reversal', confirmReverse: 'Reverse this cost? A negative cost is booked; the original stays.', added: 'Cost recorded', total: 'Actual cost',
      empty: 'No costs yet',
    },
    costCategories: { venue: 'Venue', catering: 'Catering', media: 'Media', ads: 'Ads', materials: 'Materials', travel: 'Travel', agency: 'Agency', gifts: 'Gifts', staff: 'Staff', other: 'Other' },
    roi: {
      title: 'Return on investment', definition: 'Definition', children: 'Sub-campaigns', opportunities: 'Opportunities it brought', opportunity: 'Opportunity', campaign: 'Campaign', amount: 'Amount',
      status: 'Status', contract: 'Contract', collected: 'Cash collected', noCost: 'No cost yet: ROI needs a cost',
      oppStatuses: { open: 'Open', won: 'Won', lost: 'Lost' },
      definitionText: 'ROI = (return − actual cost) / actual cost, rounded half-up to 4 decimals (1.2500 = 125 %), none without cost. Two returns: the amount of won opportunities attributed to the campaign, and the cash actually written off against the receivables of the contracts those won opportunities became (net of reversals). With sub-campaigns = the campaign and every campaign below it (budget, cost, members, leads, opportunities, won amount, cash), in the campaign\'s currency.',
    },
    home: { title: 'Marketing funnel', campaigns: 'Active campaigns', leads: 'Campaign leads', mql: 'MQL', converted: 'Converted', roi: 'ROI this year (cash)', cost: 'Cost this year', collected: 'Cash this year' },
  },
};

export default campaignsEn;
