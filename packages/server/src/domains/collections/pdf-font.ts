// The CJK font for PDFs. PDF's 14 standard fonts have no Chinese glyphs, so a statement needs an embedded font.
// First choice: Noto Sans Hans (SC, OFL) shipped by the npm package @embedpdf/fonts-sc, so `npm install` is enough.
// Then L2C_PDF_FONT (a TTF/OTF path; for a .ttc add "#Family", e.g. /x/wqy-microhei.ttc#WenQuanYi Micro Hei), then
// Debian's font packages. pdfkit subsets the font, so a statement carries only the glyphs it uses.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadPdfKit } from '../../platform/lazy-modules.js';

export interface PdfFont { name: string; file: string; family?: string; data: Buffer }

function npmFont(weight: 'Regular' | 'Bold'): string | null {
  try {
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    return path.join(path.dirname(entry), '..', 'fonts', `NotoSansHans-${weight}.otf`);
  } catch {
    return null;
  }
}

function candidates(weight: 'Regular' | 'Bold'): Array<{ file: string; family?: string }> {
  const list: Array<{ file: string; family?: string }> = [];
  const env = process.env.L2C_PDF_FONT;
  if (env) {
    const [file, family] = env.split('#');
    list.push(family ? { file: file!, family } : { file: file! });
  }
  const npm = npmFont(weight);
  if (npm) list.push({ file: npm });
  list.push(
    { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
    { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
    { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  );
  return list;
}

const cache = new Map<string, PdfFont | null>();

/** The first CJK font found (read once and kept: parsing a path per document costs a disk read of ~8 MB). */
export function cjkFont(weight: 'Regular' | 'Bold' = 'Regular'): PdfFont | null {
  if (cache.has(weight)) return cache.get(weight)!;
  let found: PdfFont | null = null;
  for (const c of candidates(weight)) {
    if (!fs.existsSync(c.file)) continue;
    found = { name: path.basename(c.file).replace(/\.[^.]+$/, ''), file: c.file, ...(c.family ? { family: c.family } : {}), data: fs.readFileSync(c.file) };
    break;
  }
  cache.set(weight, found);
  return found;
}

/** A PDF being written with the CJK font registered: `body` and `heading` name the fonts to use; `done` is the file. */
export interface CjkPdf { doc: PDFKit.PDFDocument; body: string; heading: string; done: Promise<Buffer> }

/**
 * Start a PDF (statement, invoice, quote, collection letter) with the CJK font registered as 'body' and 'heading'
 * (Helvetica when none is installed: the numbers still print), its bytes collected into `done` when `doc.end()` runs.
 */
export async function openCjkPdf(options: PDFKit.PDFDocumentOptions): Promise<CjkPdf> {
  const PDFDocument = await loadPdfKit();
  const regular = cjkFont('Regular');
  const bold = cjkFont('Bold') ?? regular;
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (regular) doc.registerFont('body', regular.data, regular.family);
  if (bold) doc.registerFont('heading', bold.data, bold.family);
  return { doc, body: regular ? 'body' : 'Helvetica', heading: bold ? 'heading' : 'Helvetica-Bold', done };
}
