// English — leads (list, detail and status, lead pool, conversion, web forms, assignment rules, import); the type keeps
// the keys in step with leads.zh-CN.ts.
import type { LeadMessages } from './leads.zh-CN';

const leadsEn: LeadMessages = {
  lead: {
    nav: 'Leads', poolNav: 'Lead pool', formsNav: 'Web forms', title: 'Leads', poolTitle: 'Lead pool',
    new: 'New lead', import: 'Import leads', search: 'Search company, contact, number, phone or email',
    number: 'Number', company: 'Company', contact: 'Contact', title_: 'Title', phone: 'Phone', email: 'Email', creditCode: 'Credit code',
    industry: 'Industry', size: 'Size', region: 'Region', message: 'Message', remark: 'Remark', source: 'Source', campaign: 'Campaign', status: 'Status',
    owner: 'Owner', score: 'Score', createdAt: 'Created', lastTouchedAt: 'Last touched', inPool: 'Lead pool', allStatuses: 'All statuses', allSources: 'All sources',
    created: 'Lead created', duplicateOf: 'Possible duplicate', empty: 'No leads',
    statuses: { raw: 'Raw', mql: 'MQL', sql: 'SQL', converted: 'Converted', invalid: 'Invalid' },
    sources: { web_form: 'Web form', api: 'API', manual: 'Manual', import: 'Import', campaign: 'Campaign', referral: 'Referral', other: 'Other' },
    kinds: { lead: 'Lead', contact: 'Contact', customer: 'Customer' },
    detail: {
      history: 'Status history', matches: 'Possible duplicates', noMatches: 'No duplicates found', consent: 'Consent', convertedTo: 'Converted into',
      customer: 'Customer', opportunity: 'Opportunity', reasons: 'Reasons', scoreLabel: 'Similarity',
    },
    actions: {
      mql: 'Mark MQL', sql: 'Mark SQL', back: 'Step back', invalid: 'Mark invalid', reopen: 'Reopen', release: 'Release to pool', claim: 'Claim', assign: 'Assign', convert: 'Convert',
      reason: 'Reason', invalidReason: 'Why it is invalid (required)', releaseReason: 'Why it goes to the pool', moved: 'Status updated', released: 'Released to the pool', claimed: 'Claimed', assigned: 'Assigned',
    },
    convert: {
      title: 'Convert lead', intoNew: 'New customer', intoExisting: 'Existing customer', customerName: 'Customer name', existing: 'Existing customer (dedup match)',
      opportunity: 'Also create an opportunity', opportunityName: 'Opportunity name', amount: 'Amount', done: 'Converted: customer, contact and opportunity created', dedupHint: 'Dedup found these existing records; convert into one:',
      allowDuplicate: 'Create anyway (checked: not the same company)',
    },
    pool: { empty: 'The lead pool is empty', settings: 'Recycling', recycleDays: 'Days without a touch before a lead returns to the pool', saved: 'Saved' },
    forms: {
      title: 'Web forms', new: 'New form', name: 'Name', key: 'Form key', origins: 'Allowed sites', originsHint: 'One per line, e.g. https://www.example.com (empty: any)',
      fields: 'Fields', consent: 'Consent text', active: 'Active', submissions: 'Submissions', snippet: 'Embed code', snippetHint: 'Paste this into a page of your site:',
      copied: 'Copied', copy: 'Copy', created: 'Form created', fieldNames: { companyName: 'Company', contactName: 'Name', title: 'Title', phone: 'Phone', email: 'Email', industry: 'Industry', companySize: 'Size', region: 'Region', message: 'Message' },
    },
    rules: {
      title: 'Assignment rules', new: 'New rule', name: 'Name', position: 'Order', strategy: 'Strategy', conditions: 'Conditions', members: 'Members', weight: 'Weight', quota: 'Daily quota',
      today: 'Today', total: 'Total', any: 'Any', created: 'Rule created', deleted: 'Rule deleted',
      strategies: { round_robin: 'Round-robin', weighted: 'Weighted' },
    },
    imp: {
      title: 'Import leads', hint: '.xlsx or .csv (UTF-8 or GBK), up to 100,000 rows; the first row is the header (Company, Contact name, Phone, Email, Industry, Company size, Region, Remark).',
      upload: 'Choose file', running: 'Importing…', done: 'Import finished', failed: 'Import failed', total: 'Rows', created: 'Imported', duplicates: 'Duplicates', failedRows: 'Not imported',
      download: 'Download the rows not imported', recent: 'Recent imports',
    },
  },
};

export default leadsEn;
