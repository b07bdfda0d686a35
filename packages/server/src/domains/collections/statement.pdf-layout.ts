// Faster text layout for long PDF tables of numbers. pdfkit shapes every distinct string with fontkit (OpenType
// features: kerning, ligatures), ~20–40 µs each, and caches the result by string. A 13,500-line statement prints
// ~60,000 distinct strings — amounts, running balances, document numbers — and shaping them was a third of the PDF's
// time. Digits and the `,.-` around them need no shaping in context, so a string that ends in such a run is laid out
// as its head (shaped and cached by pdfkit as before: "YS-S-" is shaped once for every receivable number) followed by
// the run's characters, each shaped once. The glyphs and positions are exactly those of shaping the whole string:
// each boundary it splits at is checked once per font (the pair shaped together against the two alone), and the first
// strings it composes are checked against shaping them whole; any difference turns it off for that font. It reads
// pdfkit's EmbeddedFont (`layoutCached`, `layoutRun`, `layoutCache`), which is not public API: if those are not there
// (a standard font, another pdfkit), nothing changes.
interface Position { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }
interface Run { glyphs: Array<{ id: number }>; positions: Position[]; advanceWidth: number }
interface EmbeddedFontLike {
  layoutCached(text: string): Run;
  layoutRun(text: string, features?: unknown): Run;
  layoutCache?: Record<string, Run>;
}

const RUN = /[0-9,.-]+$/;
const CHECKED_STRINGS = 64;

const same = (a: Run, b: Run) => a.glyphs.length === b.glyphs.length
  && a.glyphs.every((g, i) => g.id === b.glyphs[i]!.id)
  && a.positions.every((p, i) => {
    const q = b.positions[i]!;
    return p.xAdvance === q.xAdvance && p.yAdvance === q.yAdvance && p.xOffset === q.xOffset && p.yOffset === q.yOffset;
  });

function concat(parts: Run[]): Run {
  if (parts.length === 1) return parts[0]!;
  const glyphs: Run['glyphs'] = [];
  const positions: Position[] = [];
  let advanceWidth = 0;
  for (const p of parts) {
    for (let i = 0; i < p.glyphs.length; i++) { glyphs.push(p.glyphs[i]!); positions.push(p.positions[i]!); }
    advanceWidth += p.advanceWidth;
  }
  return { glyphs, positions, advanceWidth };
}

const composing = new WeakSet<object>();

function composeNumbers(font: EmbeddedFontLike): void {
  const cache = font.layoutCache;
  if (typeof font.layoutCached !== 'function' || typeof font.layoutRun !== 'function' || !cache) return;
  if (composing.has(font)) return; // one font under two names (no bold installed: 'heading' is the regular font)
  composing.add(font);
  const whole = font.layoutCached.bind(font);
  const pairs = new Map<string, boolean>();
  // Shaping two characters together gives what shaping each alone gives: nothing joins or kerns them.
  const independent = (a: string, b: string) => {
    const key = a + b;
    let ok = pairs.get(key);
    if (ok === undefined) pairs.set(key, (ok = same(font.layoutRun(key), concat([whole(a), whole(b)]))));
    return ok;
  };
  let checked = 0;
  let on = true;
  font.layoutCached = (text: string): Run => {
    const hit = cache[text];
    if (hit || !on) return hit ?? whole(text);
    const m = RUN.exec(text);
    if (!m) return whole(text);
    // Walk left from the end while the characters split apart; the head before that is shaped whole, and it must split
    // from the run too (else the run starts one character later, past a boundary already checked).
    let start = text.length - 1;
    while (start > m.index && independent(text[start - 1]!, text[start]!)) start--;
    if (start > 0 && !independent(text[start - 1]!, text[start]!)) start++;
    if (text.length - start < 2) return whole(text);
    const parts: Run[] = start > 0 ? [whole(text.slice(0, start))] : [];
    for (let i = start; i < text.length; i++) parts.push(whole(text[i]!));
    const run = concat(parts);
    if (checked < CHECKED_STRINGS) {
      checked++;
      if (!same(font.layoutRun(text), run)) { on = false; return whole(text); }
    }
    cache[text] = run;
    return run;
  };
}

/** Lay out the numbers of `fonts` (names registered on `doc`) by character; see above. Leaves `doc` on the last font. */
export function fastNumberLayout(doc: PDFKit.PDFDocument, fonts: string[]): void {
  for (const name of fonts) {
    doc.font(name);
    composeNumbers((doc as unknown as { _font: EmbeddedFontLike })._font);
  }
}
