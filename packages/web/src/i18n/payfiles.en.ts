// English — payment receipt files (bank receipts, remittance advice); the type keeps the keys in step with
// payfiles.zh-CN.ts.
import type { PayFilesMessages } from './payfiles.zh-CN';

const payfilesEn: PayFilesMessages = {
  paymentFiles: {
    title: 'Receipts',
    hint: 'Bank receipts, remittance advice…: PDF, PNG, JPEG, OFD or XLSX, at most 10 MB each and 20 per payment. Receipts cannot be changed or removed once uploaded.',
    dragText: 'Click or drag files here to attach the bank receipt',
    dragHint: 'Uploaded once the payment is registered',
    add: 'Add receipt',
    download: 'Download',
    empty: 'No receipts uploaded yet',
    uploading: 'Uploading {{name}}…',
    uploaded: '{{name}} uploaded',
    alreadyAttached: '{{name}} has the same content as a receipt already attached; not stored twice',
    uploadFailed: '{{name}} was not uploaded: {{reason}}',
    someFailed: 'The payment is registered, but {{count}} receipt(s) were not uploaded; add them again from the payment details',
    fields: { name: 'File', size: 'Size', uploadedBy: 'Uploaded by', uploadedAt: 'Uploaded at', sha256: 'SHA-256' },
    errors: {
      type: '{{name}}: only PDF, PNG, JPEG, OFD and XLSX files are accepted',
      tooLarge: '{{name}}: the file is larger than 10 MB',
      tooMany: 'A payment holds at most 20 receipts',
      empty: '{{name}}: the file is empty',
      content: '{{name}}: the content does not match the file extension',
    },
  },
  paymentDetail: {
    title: 'Payment',
    open: 'Open payment {{number}}',
    confirmedAt: 'Confirmed at',
    createdAt: 'Registered at',
  },
};

export default payfilesEn;
