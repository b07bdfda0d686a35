// Heavy npm packages loaded on first use instead of at start (issue 13.6: start time). Importing them costs, measured
// on the reference machine, exceljs 378 ms, pdfkit 217 ms, nodemailer 80 ms (archiver 111 ms, required on first use in
// platform/export.ts), yet only Excel import/export, PDFs and mail need them. Modules that use them import their
// types only (`import type`, erased at run time) and call a loader here where they need the value. Each loader keeps
// its promise, so the package is imported once.

type ExcelJS = typeof import('exceljs');
type PdfKit = typeof import('pdfkit');
type Nodemailer = typeof import('nodemailer')['default'];

// `m.default ?? m`: a CommonJS package's exports are the namespace's default; this also holds if one becomes ESM.
let excelJS: Promise<ExcelJS> | undefined;
export function loadExcelJS(): Promise<ExcelJS> {
  return (excelJS ??= import('exceljs').then((m) => m.default ?? m));
}

/** pdfkit's default export, the PDFDocument class. */
let pdfKit: Promise<PdfKit> | undefined;
export function loadPdfKit(): Promise<PdfKit> {
  return (pdfKit ??= import('pdfkit').then((m) => m.default ?? m));
}

let nodemailer: Promise<Nodemailer> | undefined;
export function loadNodemailer(): Promise<Nodemailer> {
  return (nodemailer ??= import('nodemailer').then((m) => m.default ?? m));
}
