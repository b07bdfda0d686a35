// Fuzzy company-name similarity: the Dice coefficient of the two keys' character pairs (bigrams). Keys are already
// normalised (@l2c/shared normaliseCompanyName: no legal form, no province or city prefix, half-width, lower case), so
// "杭州云帆智能科技有限公司" and "云帆智能科技(中国)" compare as 云帆智能科技 = 云帆智能科技 → 1. Pairs suit Chinese, where
// a trade name is two to four characters and one changed character should cost a little, not everything.

function bigrams(key: string): Map<string, number> {
  const chars = [...key];
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** 0 … 1: 2·|common pairs| / (|pairs of a| + |pairs of b|), counting repeated pairs as often as both have them. */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  let na = 0;
  let nb = 0;
  for (const n of ga.values()) na += n;
  for (const [g, n] of gb) {
    nb += n;
    common += Math.min(n, ga.get(g) ?? 0);
  }
  return na + nb === 0 ? 0 : (2 * common) / (na + nb);
}
