// Normalised forms of what people type into a lead form, an import sheet or a contact card: phone numbers, e-mail
// addresses and company names. Leads (capture, import) and dedup (blocking keys, fuzzy match) use these same
// functions, so "+86 138-0013-8000" typed on a web form and "13800138000" in an Excel sheet meet on one key.
// Every function is pure and idempotent (normalising a normalised value gives it back), which the property tests check.

/** Full-width → half-width (ＡＢＣ１２３ → ABC123, （ → (, the ideographic space → space) and composed forms. */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}

const PHONE_SEPARATORS = /[\s\-–—.()/\\]+/g;
// "0571-88886666 转 123", "ext. 12", "x12", "#12": the extension does not identify the company, the number does.
const PHONE_EXTENSION = /(转|分机|ext\.?|x|#).*$/i;

/**
 * A phone number as digits in its national form, or null when it is not a number anyone can dial:
 * - Chinese mobiles: 11 digits starting 1[3-9] ("+86 138 0013 8000", "0086-13800138000", "8613800138000" → "13800138000");
 * - Chinese landlines: the area code with its trunk 0 and the subscriber number ("(0571) 8888-6666", "+86 571 88886666"
 *   → "057188886666"); a bare 7–8 digit local number stays as it is (no area code to guess);
 * - other countries: "+" and the digits ("+1 (415) 555-1234" → "+14155551234", "001 415…" likewise).
 * Full-width digits and any spacing, dashes, dots or brackets are accepted; an extension is dropped.
 */
export function normalisePhone(input: string | null | undefined): string | null {
  if (input == null) return null;
  let text = toHalfWidth(input).trim().replace(/^(tel|phone|mobile|电话|手机)\s*:?/i, '')
    .replace(PHONE_EXTENSION, '').replace(PHONE_SEPARATORS, '');
  if (!/^\+?\d+$/.test(text)) return null;
  let international = false;
  if (text.startsWith('+')) { international = true; text = text.slice(1); }
  else if (text.startsWith('00')) { international = true; text = text.slice(2); }
  if (international && !text.startsWith('86')) {
    return text.length >= 7 && text.length <= 15 ? `+${text}` : null;
  }
  if (international) text = text.slice(2);
  if (/^(400|800)\d{7}$/.test(text)) return text; // service numbers 400-xxx-xxxx (no area code, no trunk 0)
  else if (/^861[3-9]\d{9}$/.test(text)) text = text.slice(2); // "8613800138000": the + was left out
  // Dialled from abroad a landline loses its trunk 0 (+86 571 …, +86 10 …); put it back so both spellings meet.
  if (international && !text.startsWith('0') && !/^1[3-9]\d{9}$/.test(text)) text = `0${text}`;
  if (/^1[3-9]\d{9}$/.test(text)) return text; // mobile
  if (/^0[1-9]\d{8,10}$/.test(text)) return text; // area code (2–4 digits with the 0) + 7–8 digit subscriber
  if (/^[2-9]\d{6,7}$/.test(text)) return text; // local number without an area code
  return null;
}

/** True for an 11-digit Chinese mobile number in normalised form. */
export function isChineseMobile(normalised: string | null): boolean {
  return normalised != null && /^1[3-9]\d{9}$/.test(normalised);
}

const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/**
 * An e-mail address in lower case without what surrounds it ("张三 <Zhang.San@Example.COM>", "mailto:…", full-width
 * ＠ and letters), or null when it is not an address. Dots and "+tags" are kept: mail servers differ on them.
 */
export function normaliseEmail(input: string | null | undefined): string | null {
  if (input == null) return null;
  let text = toHalfWidth(input).trim();
  const angled = /<([^<>]+)>\s*$/.exec(text);
  if (angled) text = angled[1]!;
  text = text.replace(/^mailto:/i, '').trim().toLowerCase().replace(/\.$/, '');
  if (text.length > 254 || !EMAIL.test(text)) return null;
  return text;
}

// Legal-form suffixes, longest first so 股份有限公司 goes before 有限公司. Stripped repeatedly from the end:
// "云帆集团有限公司" → "云帆集团" → "云帆".
const LEGAL_SUFFIXES = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '集团公司', '集团', '公司'];
// Latin legal forms, matched as whole words before spaces and punctuation go ("Acme Co., Ltd." → "acme", "Disco" stays).
const LATIN_SUFFIX = /(?<=[^\s,.&])[\s,.&]+(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|gmbh|group|holdings?)\.?\s*$/;

// Province-level names, the longest spelling first (with 省/市/自治区), then the short one.
const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾',
  '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
];
const PROVINCE_FORMS = [
  '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区', '香港特别行政区', '澳门特别行政区',
  ...PROVINCES.flatMap((p) => [`${p}省`, `${p}市`]),
  ...PROVINCES,
].sort((a, b) => b.length - a.length);

// Prefecture-level cities companies name themselves after: the capitals and the larger ones. Not exhaustive — a city
// missing here only means its prefix stays in the key, as it did before.
const CITIES = [
  '石家庄', '唐山', '秦皇岛', '邯郸', '保定', '张家口', '承德', '沧州', '廊坊', '衡水', '邢台', '太原', '大同', '长治', '晋中', '临汾',
  '呼和浩特', '包头', '鄂尔多斯', '沈阳', '大连', '鞍山', '抚顺', '丹东', '锦州', '营口', '长春', '吉林', '哈尔滨', '大庆', '齐齐哈尔',
  '南京', '无锡', '徐州', '常州', '苏州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁', '昆山', '江阴', '张家港',
  '杭州', '宁波', '温州', '嘉兴', '湖州', '绍兴', '金华', '衢州', '舟山', '台州', '丽水', '义乌',
  '合肥', '芜湖', '蚌埠', '马鞍山', '安庆', '滁州', '阜阳', '福州', '厦门', '莆田', '泉州', '漳州', '龙岩', '宁德',
  '南昌', '景德镇', '九江', '赣州', '上饶', '济南', '青岛', '淄博', '枣庄', '东营', '烟台', '潍坊', '济宁', '泰安', '威海', '日照', '临沂', '德州', '聊城',
  '郑州', '开封', '洛阳', '平顶山', '安阳', '新乡', '焦作', '许昌', '南阳', '商丘', '信阳', '武汉', '黄石', '十堰', '宜昌', '襄阳', '荆州', '孝感',
  '长沙', '株洲', '湘潭', '衡阳', '岳阳', '常德', '郴州', '广州', '韶关', '深圳', '珠海', '汕头', '佛山', '江门', '湛江', '茂名', '肇庆', '惠州',
  '梅州', '汕尾', '河源', '阳江', '清远', '东莞', '中山', '潮州', '揭阳', '南宁', '柳州', '桂林', '梧州', '北海', '海口', '三亚',
  '成都', '自贡', '攀枝花', '泸州', '德阳', '绵阳', '宜宾', '南充', '乐山', '贵阳', '遵义', '昆明', '曲靖', '玉溪', '大理', '拉萨',
  '西安', '宝鸡', '咸阳', '渭南', '延安', '榆林', '兰州', '西宁', '银川', '乌鲁木齐', '克拉玛依',
];
const CITY_FORMS = [...CITIES.map((c) => `${c}市`), ...CITIES].sort((a, b) => b.length - a.length);
const REGIONS = new Set(['中国', ...PROVINCES, ...CITIES]);

// A prefix is stripped only when a distinctive name of at least this many characters is left: 杭州银行 stays
// 杭州银行 (银行 alone would make every city's bank one company), 杭州云帆科技 becomes 云帆科技.
const MIN_CORE = 3;

/**
 * The matching key of a company name: half-width, lower case, no spaces or punctuation, without its legal form
 * (有限公司, 股份有限公司, 有限责任公司, 集团, Co., Ltd. …), a bracketed region anywhere ((中国), （杭州）) and its province
 * and city prefix (浙江省杭州市…, 浙江杭州…, 杭州…). "浙江省杭州市云帆智能科技（中国）有限公司" → "云帆智能科技".
 * Never shorter than what would be left of a name that is only a suffix or a region: "集团" stays "集团".
 * Returns "" for an empty name. For display keep what the person typed; this is a key.
 */
export function normaliseCompanyName(input: string | null | undefined): string {
  if (input == null) return '';
  let key = toHalfWidth(input).toLowerCase()
    // a bracketed region anywhere: (中国), (杭州), (浙江省) — the same company, told where it is
    .replace(/[(\[【]([^()\[\]【】]*)[)\]】]/g, (whole, inner: string) => (isRegion(inner) ? '' : whole))
    .trim();
  for (let m = LATIN_SUFFIX.exec(key); m; m = LATIN_SUFFIX.exec(key)) key = key.slice(0, m.index);
  key = key.replace(/[\s·.,，。、()\[\]{}【】'"“”‘’&_\-—/\\]+/g, '');
  if (key === '') return '';
  // Until nothing changes, so the key is a fixed point ("杭州杭州云帆" and "浙江杭州云帆" both end at "云帆…").
  for (let before = ''; before !== key;) {
    before = key;
    for (const suffix of LEGAL_SUFFIXES) {
      if (LEGAL_SUFFIXES.includes(key)) break; // a name that is only a legal form keeps it
      if (key.length > suffix.length && key.endsWith(suffix)) key = key.slice(0, -suffix.length);
    }
    key = stripPrefix(stripPrefix(key, PROVINCE_FORMS), CITY_FORMS);
  }
  return key;
}

function stripPrefix(key: string, forms: string[]): string {
  for (const form of forms) {
    if (key.startsWith(form) && key.length - form.length >= MIN_CORE) return key.slice(form.length);
  }
  return key;
}

function isRegion(inner: string): boolean {
  const text = inner.replace(/\s+/g, '').replace(/(省|市|自治区)$/, '');
  return REGIONS.has(text);
}
