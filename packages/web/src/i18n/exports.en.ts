// English — the tenant data export (admins); the type keeps the keys in step with exports.zh-CN.ts.
import type { ExportsMessages } from './exports.zh-CN';

const exportsEn: ExportsMessages = {
  dataExport: {
    nav: 'Data export',
    title: 'Export all data',
    intro: 'Download every record of this tenant: one CSV file (UTF-8) per table, plus manifest.json (each table\'s columns, row count and SHA-256, and which fields are personal data) and SHA256SUMS.',
    secrets: 'Password and token hashes are never exported. Every export is recorded in the audit log.',
    snapshot: 'The export reads page by page, not one snapshot: a record changed while it runs may appear before or after the change. For a point-in-time copy of the whole database, take a backup.',
    start: 'Start export',
    running: 'Exporting…',
    received: '{{size}} received',
    rows: '{{rows}} rows in all',
    done: 'Export finished: {{name}}',
    failed: 'Export failed: {{reason}}',
    noAccess: 'Only admins can export all of the tenant\'s data',
    checkHint: 'After unzipping, run sha256sum -c SHA256SUMS in a terminal to check the files.',
  },
};
export default exportsEn;
