// English — opportunities (list, kanban, detail, funnel and forecast), visits and key accounts (group tree, decision
// map); the type keeps the keys in step with opportunities.zh-CN.ts.
import type { OpportunityMessages } from './opportunities.zh-CN';

const opportunitiesEn: OpportunityMessages = {
  opp: {
    nav: 'Opportunities', pipelineNav: 'Funnel & forecast', title: 'Opportunities', new: 'New opportunity', list: 'List', kanban: 'Kanban',
    number: 'Number', name: 'Name', customer: 'Customer', contact: 'Contact', owner: 'Owner', process: 'Sales process', stage: 'Stage', status: 'Status',
    amount: 'Amount', weighted: 'Weighted', closeDate: 'Expected close', probability: 'Probability', forecastCategory: 'Forecast category', daysInStage: 'Days in stage',
    currency: 'Currency', campaign: 'Campaign', competitor: 'Competitor', search: 'Search name, number or customer', allStatuses: 'All statuses', created: 'Opportunity created', saved: 'Saved',
    statuses: { open: 'Open', won: 'Won', lost: 'Lost' },
    categories: { pipeline: 'Pipeline', best_case: 'Best case', commit: 'Commit', omitted: 'Omitted' },
    lines: { title: 'Products', productCode: 'Code', productName: 'Product', quantity: 'Quantity', unitPrice: 'Unit price', discount: 'Discount rate', amount: 'Amount', add: 'Add product', none: 'No lines: the amount is typed' },
    edit: 'Edit', editTitle: 'Edit opportunity', moveTo: 'Move to', moved: 'Moved to {{stage}}',
    missing: 'Before "{{stage}}" it still needs:', missingNone: 'Ready to move',
    requirement: {
      contactId: 'a contact', closeDate: 'an expected close date', amount: 'an amount', lines: 'product lines', competitor: 'the competitor',
      'health.need': 'need rated 2 or more', 'health.budget': 'budget rated 2 or more', 'health.decision_chain': 'decision chain rated 2 or more', 'health.competition': 'competition rated 2 or more',
      'health.value': 'value rated 2 or more', 'health.timeline': 'timeline rated 2 or more', task: 'task done: {{label}}',
    },
    health: {
      title: 'Health', score: 'Score', rating: 'Rating (0–3)', note: 'Note', levels: { good: 'Good', watch: 'Watch', at_risk: 'At risk' },
      dimensions: { need: 'Need', budget: 'Budget', decision_chain: 'Decision chain', competition: 'Competition', value: 'Value', timeline: 'Timeline' },
      reasons: {
        rated: 'rated {{p}}/3', not_rated: 'not rated', no_contact: 'no contact named', no_amount: 'no amount', no_lines: 'no product lines',
        decision_maker_supports: 'decision maker supports: {{p}}', decision_maker_missing: 'no decision maker on the decision map', opponent: 'strong opponent: {{p}}',
        competitor: 'competitor: {{p}}', no_close_date: 'no expected close date', close_date_passed: 'expected close date has passed', closes_in: 'closes in {{p}} days', stuck: '{{p}} days in this stage',
      },
    },
    tasks: { title: 'Tasks', add: 'Add task', titleField: 'Task', key: 'Requirement key (optional)', due: 'Due', done: 'Done', doneAt: 'Done at', none: 'No tasks' },
    history: { title: 'Stage history', from: 'From', to: 'To', at: 'At', by: 'By', hours: 'Hours in stage' },
    makeQuote: 'Make a quote', win: 'Won', winTitle: 'Close as won', winContract: 'Also draft the order contract (customer, products and amount carried over)', wonContract: 'Draft contract {{number}} created', openContract: 'Open contract',
    lose: 'Lost', loseTitle: 'Close as lost', lostReason: 'Reason', lostNote: 'Note',
    lostReasons: { price: 'Price', product_fit: 'Product fit', competitor: 'Lost to a competitor', no_budget: 'No budget', no_decision: 'No decision', timing: 'Timing', relationship: 'Relationship', other: 'Other' },
    funnel: {
      title: 'Sales funnel', reached: 'Reached', conversion: 'Conversion to next', avgDays: 'Avg. days in stage', open: 'Open', openAmount: 'Open amount',
      won: 'Won', lost: 'Lost', winRate: 'Win rate', wonAmount: 'Won amount', period: 'Period (by creation date)',
    },
    forecast: {
      title: 'Forecast', period: 'Period', month: 'Month', quarter: 'Quarter', groupBy: 'By', rep: 'Rep', team: 'Team', subject: 'Who',
      won: 'Won', commit: 'Commit', bestCase: 'Best case', pipeline: 'Pipeline', weightedF: 'Weighted', system: 'System', adjusted: 'Adjusted',
      adjust: 'Adjust', adjustTitle: 'Manager adjustment: {{subject}}', category: 'Category', adjustedAmount: 'Adjusted amount', reason: 'Reason', adjustedBy: 'adjusted by {{name}}', total: 'Total',
      history: 'Adjustments', none: 'No opportunities in this period',
    },
  },
  visit: {
    nav: 'Visits', title: 'Visit plan', plan: 'Plan a visit', plannedOn: 'Date', purpose: 'Purpose', customer: 'Customer', contact: 'Contact', opportunity: 'Opportunity',
    status: 'Status', statuses: { planned: 'Planned', checked_in: 'Checked in', completed: 'Completed', cancelled: 'Cancelled' },
    checkIn: 'Check in', checkOut: 'Check out', cancel: 'Cancel visit', locating: 'Locating…', gpsFailed: 'No location: {{reason}}. Enter the coordinates by hand.',
    lat: 'Latitude', lng: 'Longitude', manual: 'Enter by hand', distance: '{{m}} m from the customer', noReference: 'The customer has no location yet (the first GPS check-in becomes it)',
    duration: '{{min}} min', record: 'Visit record', attendees: 'Attendees', discussed: 'Discussed', outcome: 'Outcome', needs: 'Customer needs', competitorInfo: 'Competition',
    nextSteps: 'Next step (follow-up task)', nextDate: 'Follow-up date', outcomes: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' },
    checkedIn: 'Checked in', checkedOut: 'Checked out; the follow-up is on the customer', planned: 'Visit planned', week: 'This week', today: 'Today', from: 'From', to: 'To', setLocation: 'Set customer location', locationSaved: 'Customer location saved',
  },
  ka: {
    nav: 'Key accounts', title: 'Key account: {{name}}', tree: 'Group structure', map: 'Decision map', hidden: '(outside your scope)', focus: 'This customer',
    role: 'Role', influence: 'Influence', attitude: 'Attitude', note: 'Note', setRole: 'Set role', relate: 'Add relation', from: 'From', to: 'To', kind: 'Relation', remove: 'Remove',
    roles: { decision_maker: 'Decision maker', economic_buyer: 'Economic buyer', technical_buyer: 'Technical buyer', user_buyer: 'User', influencer: 'Influencer', coach: 'Coach', gatekeeper: 'Gatekeeper' },
    attitudes: { champion: 'Champion', supporter: 'Supporter', neutral: 'Neutral', skeptic: 'Skeptic', opponent: 'Opponent' },
    relations: { reports_to: 'reports to', influences: 'influences', ally: 'ally', rival: 'rival' },
    unmapped: 'Not set', open: 'Key account view',
  },
};
export default opportunitiesEn;
