// English — dedup and merge, lead scoring and customers' RFM; the type keeps the keys in step with dedup.zh-CN.ts.
import type { DedupMessages } from './dedup.zh-CN';

const dedupEn: DedupMessages = {
  dedup: {
    nav: 'Duplicates',
    title: 'Duplicates and merges',
    tabs: { rules: 'Duplicate rules', merges: 'Merges' },
    objects: { lead: 'Lead', contact: 'Contact', customer: 'Customer' },
    fields: { company_name: 'Company name', phone: 'Phone', email: 'Email', credit_code: 'Unified social credit code' },
    rule: {
      add: 'New rule', edit: 'Edit rule', object: 'Applies to', name: 'Rule name', fields: 'Fields', blocking: 'Blocking', threshold: 'Name similarity threshold',
      action: 'On a match', active: 'Active', builtIn: 'Built-in', saved: 'Rule saved', deleted: 'Rule deleted', deleteConfirm: 'Delete this rule?',
      blockings: { prefix: 'First two characters of the name + similarity', exact: 'Exactly the same name' },
      actions: { flag: 'Flag it', block: 'Block the entry' },
      help: 'Company names are compared without legal forms (有限公司, 股份有限公司, 集团), "(中国)" and province or city prefixes; phones in any spelling (+86, dashes, full-width digits). An object without rules of its own uses the built-in rule.',
    },
    matches: {
      title: 'Possible duplicates', none: 'No possible duplicates', score: 'Similarity', reasons: 'Matched on', owner: 'Owner', merge: 'Merge', customer: 'Customer',
    },
    merge: {
      title: 'Merge', pickMaster: 'Which one to keep (the master)', master: 'Master', duplicate: 'Duplicate', field: 'Field', result: 'After the merge',
      keepMaster: 'Master\'s', keepDuplicate: 'Duplicate\'s', preview: 'Preview (writes nothing)', execute: 'Merge', moves: 'Related records that will move',
      noMoves: 'No related records to move', table: 'Table', owner: 'Module', count: 'Records', done: 'Merged', undo: 'Undo merge', undone: 'Merge undone',
      undoConfirm: 'Undo this merge? The master\'s merged fields go back and the moved records move back.', swap: 'Swap', moneyRefused: 'The duplicate customer has money facts and cannot be merged away',
      status: { merged: 'Merged', undone: 'Undone' }, mergedAt: 'Merged at', mergedBy: 'By', object: 'Object', empty: 'No merges yet',
      open: 'Merge…',
    },
  },
  scoring: {
    nav: 'Lead scoring',
    title: 'Lead scoring rules',
    panel: 'Lead score', score: 'Score', grade: 'Grade', computedGrade: 'System grade', behaviour: 'Behaviour', fit: 'Fit', probability: 'Predicted conversion',
    prior: 'Baseline (log-odds)', factors: 'Factors (log-odds contribution)', feature: 'Factor', value: 'Value', contribution: 'Contribution', noModel: 'No model trained yet',
    events: 'Behaviour', event: 'Event', points: 'Points', at: 'When', record: 'Record behaviour', fitRules: 'Fit rules matched',
    override: { title: 'Override the grade', grade: 'Grade', reason: 'Reason', set: 'Override', clear: 'Back to the system grade', by: 'By', saved: 'Grade overridden', cleared: 'Back to the system grade' },
    features: { source: 'Source', industry: 'Industry', region: 'Region', size: 'Size', campaign: 'From a campaign', email: 'Email kind', phone: 'Phone kind', engagement: 'Interactions' },
    settings: {
      title: 'Settings', halfLifeDays: 'Behaviour half-life (days)', weightBehaviour: 'Behaviour weight', weightFit: 'Fit weight', weightModel: 'Model weight',
      gradeA: 'Grade A from', gradeB: 'Grade B from', gradeC: 'Grade C from', rfmWindowDays: 'RFM window (days)', rfmGradeA: 'RFM grade A total', rfmGradeB: 'RFM grade B total',
      rfmGradeC: 'RFM grade C total', eventRules: 'Event points', fitRulesTitle: 'Fit rules (industry, size, region, source)', field: 'Field', addEvent: 'Add event', addFit: 'Add rule',
      saved: 'Scoring rules saved; every open lead rescored', defaults: 'The defaults apply', weightsHelp: 'The three weights add up to 100',
    },
    model: {
      title: 'Conversion model', train: 'Train now', trained: 'Model trained; {{count}} leads rescored', trainedAt: 'Trained', samples: 'Samples', positives: 'Converted',
      auc: 'AUC (held-out fifth)', learned: 'What the model learned', help: 'Naive Bayes (Laplace smoothing) learned from the tenant\'s closed leads (converted / invalid); retrained nightly.',
    },
    rfm: {
      title: 'RFM value', grade: 'RFM grade', customerGrade: 'Customer grade', recency: 'Last payment', frequency: 'Payments', monetary: 'Written off', r: 'R', f: 'F', m: 'M',
      total: 'Total', asOf: 'As of', refresh: 'Recompute', never: 'No payments', days: '{{count}} days ago', none: 'No data yet',
    },
  },
};

export default dedupEn;
