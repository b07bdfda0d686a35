// What the customer search matches besides the name itself: the name's pinyin in full and by initials (computed here,
// at write time — pinyin cannot be computed in SQL), and the normalised forms of a search term.
// pinyin-pro reads polyphones in context (重庆 chóng, 银行 háng, 长安 cháng), which a per-character table gets wrong.
import { pinyin } from 'pinyin-pro';
import { nameKey } from './name-key.js';

export interface SearchKeys { pinyin: string; initials: string }

const HAN = /\p{Script=Han}/u;

/** Pinyin of the Chinese characters of a name, without tones or spaces, and their initials: 杭州云帆 → hangzhouyunfan, hzyf. */
export function searchKeys(name: string): SearchKeys {
  if (!HAN.test(name)) return { pinyin: '', initials: '' };
  const syllables = pinyin(name.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
  return { pinyin: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

export interface SearchTerm {
  /** The term as typed, NFKC and lower case: matched against the name and the customer number. */
  term: string;
  /** Without spaces and phone punctuation ("hang zhou" → hangzhou, "0571-8888 1234" → 057188881234): matched against
   *  pinyin, initials, phone digits and credit code; null when it is the same as `term` or empty. */
  compact: string | null;
  /** The term as a duplicate-check name key (杭州云帆科技有限公司 → 杭州云帆科技): an exact match on it ranks first. */
  key: string;
}

export function searchTerm(q: string): SearchTerm {
  const term = q.normalize('NFKC').trim().toLowerCase();
  let compact = term.replace(/[\s'’()+\-.]/g, '');
  if (/^86\d{11}$/.test(compact)) compact = compact.slice(2); // +86 138… is the phone 138… (name-key.ts phoneKey)
  return { term, compact: compact && compact !== term ? compact : null, key: nameKey(term) };
}
