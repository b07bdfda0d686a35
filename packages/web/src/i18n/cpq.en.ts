// English — quotes (one-screen editor, versions, approval, acceptance) and pricing (price books, promotions, budgets,
// sandbox); the type keeps the keys in step with cpq.zh-CN.ts.
import type { CpqMessages } from './cpq.zh-CN';

const cpqEn: CpqMessages = {
  quote: {
    nav: 'Quotes', title: 'Quotes', new: 'New quote', number: 'Number', customer: 'Customer', titleField: 'Project', status: 'Status', amount: 'Total (incl. tax)',
    validUntil: 'Valid until', owner: 'Rep', version: 'Version', search: 'Search number, title or customer', allStatuses: 'All statuses', none: 'No quotes yet',
    statuses: { draft: 'Draft', pending_approval: 'In approval', approved: 'Approved', accepted: 'Accepted', rejected: 'Declined', expired: 'Expired' },
    lines: {
      title: 'Lines', add: 'Add from catalog', addFree: 'Add a free line', search: 'Type a code or name', product: 'Product', code: 'Code', quantity: 'Qty', group: 'Group',
      discount: 'Discount %', unitPrice: 'Unit price', list: 'List', promo: 'Promotions', net: 'Amount (incl. tax)', lastPaid: 'Last paid', free: 'Free line', gift: 'Gift',
      up: 'Move up', down: 'Move down', remove: 'Remove', configure: 'Configure', bundle: 'Bundle', cost: 'Cost', description: 'Description', empty: 'No lines yet: add from the catalog',
      keyboard: 'Keys: Alt+↑/↓ move a line, Delete removes it, Ctrl+S saves',
    },
    orderDiscount: 'Order discount %', rebate: 'Rebate offset', rebateAuto: 'As much as allowed', totals: { list: 'List total', discount: 'Discounts', rebate: 'Rebate', excl: 'Excl. tax', tax: 'Tax', incl: 'Total incl. tax' },
    save: 'Save and price', saved: 'Saved: version {{seq}}', submit: 'Submit for approval', submitted: 'Submitted for approval', approvedNow: 'No approval needed: approved',
    accept: 'Customer accepted → order contract', accepted: 'Order contract {{number}} created', reject: 'Customer declined', rejectReason: 'Reason', rejected: 'Declined',
    pdf: 'Download PDF', share: 'Share link', shareDays: 'Valid for days', shareCreated: 'Link created, valid until {{date}}', copy: 'Copy',
    needsApproval: 'This content is not approved: submit it before the customer can accept', approvedHash: 'Approved content (hash {{hash}})', changedAfterApproval: 'Changed after approval: needs approval again',
    margin: 'Margin', marginBreach: 'Below the {{floor}} margin floor: needs approval', conflicts: 'Price books disagree: {{note}}', trace: 'How it was priced', traceTitle: 'How line {{line}} was priced',
    versions: 'Versions', versionSeq: 'Version {{seq}}', approved: 'Approved', lineCount: '{{n}} lines', hash: 'Content hash', contract: 'Order contract', opportunity: 'From the opportunity (accepting the quote wins it)',
    configureTitle: 'Configure {{name}}', configureHint: 'Pick options and quantities; the server checks the bundle\'s rules on save', option: 'Option', required: 'Required',
    promotions: 'Promotions', notApplied: 'not applied',
  },
  pricing: {
    nav: 'Pricing', title: 'Pricing', books: 'Price books', promotions: 'Promotions', budgets: 'Budgets', settings: 'Surcharges, margin floors, rebate', sandbox: 'Try a price',
    code: 'Code', name: 'Name', scope: 'For', everyone: 'Everyone', priority: 'Priority', validity: 'Valid', entries: 'Entries', active: 'Active',
    newBook: 'New price book', addEntry: 'Add entry', sku: 'Product', rule: 'Price rule', kinds: { fixed: 'Fixed', tiers: 'Tiers', cost_plus: 'Cost plus', book_relative: 'Other book' },
    tierModes: { range: 'Range (whole quantity)', slab: 'Slab (band by band)' }, unitPrice: 'Unit price', tiers: 'Tiers (upTo:price, comma-separated; last without upTo)', factor: 'Factor',
    grade: 'Grade', region: 'Region', channel: 'Channel', customer: 'Customer',
    promoKinds: { item: 'Single item', combo: 'Combo', threshold: 'Threshold 满减', cumulative: 'Cumulative', gift: 'Gift' },
    stacking: { exclusive: 'Exclusive', stackable: 'Stackable', best_of: 'Best of' }, group: 'Stacking group', budget: 'Budget',
    promo: { amountOffPerUnit: 'Off per unit', minQuantity: 'From quantity', periodQuantity: 'Period quantity from', quantity: 'Qty', amountOffPerSet: 'Off per set', repeat: 'For every multiple', buyQuantity: 'For every', giftQuantity: 'Gift quantity', validFrom: 'Valid from', validTo: 'Valid to' },
    newPromotion: 'New promotion', percentOff: 'Percent off (0.1 = 10 %)', minAmount: 'From', amountOff: 'Off', target: 'Product',
    newBudget: 'New budget', amount: 'Amount', remaining: 'Left', reserved: 'Reserved', consumed: 'Consumed', facts: 'Budget facts', factKinds: { reserve: 'Reserve', release: 'Release', consume: 'Consume' },
    surcharges: 'Attribute surcharges', floors: 'Margin floors', rebatePolicies: 'Rebate policies (当单比例)', maxOrderRatio: 'Max share of order', accrualRate: 'Accrual rate', saveSettings: 'Save settings',
    tryCustomer: 'Customer', tryLines: 'Products and quantities', tryRun: 'Price it', tryResult: 'Result', ruleCounts: '{{entries}} entries and {{promotions}} promotions loaded',
    step: 'Step', steps: { base: 'Base', surcharge: 'Surcharge', promotion: 'Promotion', discount: 'Discount', rebate: 'Rebate', gift: 'Gift', blocked: 'Conflict' }, note: 'What happened', before: 'Before', after: 'After',
    saved: 'Saved',
  },
};
export default cpqEn;
