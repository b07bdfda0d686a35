// Duplicate detection keys. Company names differ in legal suffixes, brackets and spacing far more often than in
// substance: "杭州云帆科技有限公司" and "杭州云帆科技(有限公司)" are the same company.
const SUFFIXES = [
  '股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司', '分公司',
  'co.,ltd', 'co.ltd', 'coltd', 'limited', 'ltd', 'inc', 'corp', 'corporation', 'llc', 'gmbh',
];

export function nameKey(name: string): string {
  let key = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·.,，。()（）【】\[\]{}'"“”‘’&_\-—/\\]+/g, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const s of SUFFIXES) {
      const compact = s.replace(/[\s.,]/g, '');
      if (key.length > compact.length + 1 && key.endsWith(compact)) {
        key = key.slice(0, -compact.length);
        changed = true;
      }
    }
  }
  return key;
}

export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits.length >= 5 ? digits : null;
}
