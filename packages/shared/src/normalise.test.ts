import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isChineseMobile, normaliseCompanyName, normaliseEmail, normalisePhone, toHalfWidth } from './normalise.js';

/** ASCII → full-width, the way an IME in full-width mode types it (space → ideographic space). */
function fullWidth(text: string): string {
  return [...text].map((c) => {
    const code = c.charCodeAt(0);
    if (c === ' ') return '\u3000';
    return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : c;
  }).join('');
}

const mobile = fc.tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join('')}`);

/** Inserts separators people type between digits: spaces, dashes, dots. */
function spaced(digits: string, cuts: number[], sep: string): string {
  const at = new Set(cuts.map((c) => c % digits.length).filter((c) => c > 0));
  return [...digits].map((d, i) => (at.has(i) ? sep + d : d)).join('');
}

describe('normalisePhone', () => {
  it('reads Chinese mobiles with +86, 0086, 86 and any spacing', () => {
    for (const typed of ['13800138000', '+86 138 0013 8000', '+86-138-0013-8000', '0086 13800138000', '8613800138000',
      '(+86) 138.0013.8000', '１３８００１３８０００', '＋８６ １３８ ００１３ ８０００', 'tel: 138-0013-8000']) {
      expect(normalisePhone(typed), typed).toBe('13800138000');
    }
    expect(isChineseMobile('13800138000')).toBe(true);
  });
  it('reads landlines with their area code, from home or from abroad', () => {
    expect(normalisePhone('0571-88886666')).toBe('057188886666');
    expect(normalisePhone('(0571) 8888 6666')).toBe('057188886666');
    expect(normalisePhone('+86 571 8888 6666')).toBe('057188886666');
    expect(normalisePhone('0086-571-88886666')).toBe('057188886666');
    expect(normalisePhone('010-12345678')).toBe('01012345678');
    expect(normalisePhone('+86 10 1234 5678')).toBe('01012345678');
    expect(normalisePhone('0571-88886666 转 8023')).toBe('057188886666');
    expect(normalisePhone('0571-88886666 ext. 12')).toBe('057188886666');
    expect(isChineseMobile('057188886666')).toBe(false);
  });
  it('keeps local numbers, service numbers and foreign numbers apart', () => {
    expect(normalisePhone('8888 6666')).toBe('88886666');
    expect(normalisePhone('400-800-1234')).toBe('4008001234');
    expect(normalisePhone('+86 400 800 1234')).toBe('4008001234');
    expect(normalisePhone('+1 (415) 555-1234')).toBe('+14155551234');
    expect(normalisePhone('001 415 555 1234')).toBe('+14155551234');
  });
  it('refuses what nobody can dial', () => {
    for (const typed of ['', '123', 'abc', '138001380001234', '12800138000', '+86', 'call me', null, undefined]) {
      expect(normalisePhone(typed), String(typed)).toBeNull();
    }
  });
  it('any formatting of a mobile gives the same 11 digits', () => {
    fc.assert(fc.property(mobile, fc.constantFrom('', '+86', '+86 ', '0086', '0086-', '86', '(+86)'),
      fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom(' ', '-', '.', ' - '), fc.boolean(),
      (digits, prefix, cuts, sep, wide) => {
        const typed = prefix + spaced(digits, cuts, sep);
        expect(normalisePhone(wide ? fullWidth(typed) : typed)).toBe(digits);
      }));
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789+-() 转x８６'), maxLength: 20 }), (typed) => {
      const once = normalisePhone(typed);
      if (once !== null) expect(normalisePhone(once)).toBe(once);
    }));
  });
});

describe('normaliseEmail', () => {
  it('lower-cases and unwraps what surrounds an address', () => {
    expect(normaliseEmail('  Zhang.San@Example.COM ')).toBe('zhang.san@example.com');
    expect(normaliseEmail('张三 <zhang.san@example.com>')).toBe('zhang.san@example.com');
    expect(normaliseEmail('mailto:li.na+crm@yunfan.cn')).toBe('li.na+crm@yunfan.cn');
    expect(normaliseEmail('ｌｉ．ｎａ＠ｙｕｎｆａｎ．ｃｎ')).toBe('li.na@yunfan.cn');
    expect(normaliseEmail('wang@163.com.')).toBe('wang@163.com');
  });
  it('refuses what is not an address', () => {
    for (const typed of ['', 'wang', 'wang@', '@163.com', 'wang@163', 'wang@@163.com', 'wang li@163.com', 'a..b@163.com', null]) {
      expect(normaliseEmail(typed), String(typed)).toBeNull();
    }
  });
  it('is idempotent and blind to case and width', () => {
    const address = fc.tuple(fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z0-9]{1,5})?$/), fc.stringMatching(/^[a-z0-9]{1,10}$/),
      fc.constantFrom('com', 'cn', 'com.cn', 'net')).map(([local, host, tld]) => `${local}@${host}.${tld}`);
    fc.assert(fc.property(address, fc.boolean(), fc.boolean(), (a, upper, wide) => {
      const typed = upper ? a.toUpperCase() : a;
      expect(normaliseEmail(wide ? fullWidth(typed) : typed)).toBe(a);
      expect(normaliseEmail(a)).toBe(a);
    }));
  });
});

describe('normaliseCompanyName', () => {
  it('strips the legal form: 有限公司, 股份有限公司, 有限责任公司, 集团', () => {
    expect(normaliseCompanyName('云帆智能科技有限公司')).toBe('云帆智能科技');
    expect(normaliseCompanyName('云帆智能科技股份有限公司')).toBe('云帆智能科技');
    expect(normaliseCompanyName('云帆智能科技有限责任公司')).toBe('云帆智能科技');
    expect(normaliseCompanyName('云帆集团有限公司')).toBe('云帆');
    expect(normaliseCompanyName('恒通集团')).toBe('恒通');
  });
  it('strips (中国) and bracketed regions, full-width or half-width', () => {
    expect(normaliseCompanyName('西门子（中国）有限公司')).toBe('西门子');
    expect(normaliseCompanyName('西门子(中国)有限公司')).toBe('西门子');
    expect(normaliseCompanyName('云帆智能科技（杭州）有限公司')).toBe('云帆智能科技');
    expect(normaliseCompanyName('云帆（浙江省）智能科技有限公司')).toBe('云帆智能科技');
    expect(normaliseCompanyName('云帆(研发)科技有限公司')).toBe('云帆研发科技'); // not a region: kept
  });
  it('strips province and city prefixes when a distinctive name is left', () => {
    expect(normaliseCompanyName('杭州云帆智能科技有限公司')).toBe('云帆智能科技');
    expect(normaliseCompanyName('杭州市云帆智能科技有限公司')).toBe('云帆智能科技');
    expect(normaliseCompanyName('浙江省杭州市云帆智能科技有限公司')).toBe('云帆智能科技');
    expect(normaliseCompanyName('浙江杭州云帆智能科技有限公司')).toBe('云帆智能科技');
    expect(normaliseCompanyName('上海市恒通机电设备有限公司')).toBe('恒通机电设备');
    expect(normaliseCompanyName('新疆维吾尔自治区天山矿业有限公司')).toBe('天山矿业');
    expect(normaliseCompanyName('杭州银行股份有限公司')).toBe('杭州银行'); // 银行 alone would join every city's bank
    expect(normaliseCompanyName('北京')).toBe('北京');
  });
  it('is blind to width, case, spaces and punctuation', () => {
    expect(normaliseCompanyName(' 杭州 云帆·智能科技 有限公司 ')).toBe('云帆智能科技');
    expect(normaliseCompanyName('ＡＢＣ科技有限公司')).toBe('abc科技');
    expect(normaliseCompanyName('Acme Co., Ltd.')).toBe('acme');
    expect(normaliseCompanyName('ACME Limited')).toBe('acme');
    expect(normaliseCompanyName('Disco')).toBe('disco'); // "co" only as a word
  });
  it('keeps a name that is only a legal form, and gives "" for nothing', () => {
    expect(normaliseCompanyName('集团')).toBe('集团');
    expect(normaliseCompanyName('有限公司')).toBe('有限公司');
    expect(normaliseCompanyName('')).toBe('');
    expect(normaliseCompanyName('   ')).toBe('');
    expect(normaliseCompanyName(null)).toBe('');
  });
  const core = fc.string({ unit: fc.constantFrom(...'云帆智能恒达信远创科技机电精密'), minLength: 3, maxLength: 8 })
    .filter((c) => normaliseCompanyName(c) === c);
  it('a company decorated with region, brackets and legal form keys back to its core', () => {
    fc.assert(fc.property(core, fc.constantFrom('', '杭州', '杭州市', '浙江省杭州市', '浙江', '上海市', '广东深圳'),
      fc.constantFrom('', '（中国）', '(中国)', '(杭州)'), fc.constantFrom('', '有限公司', '股份有限公司', '有限责任公司', '集团', '集团有限公司'),
      fc.boolean(), (name, prefix, bracket, suffix, wide) => {
        const typed = prefix + name + bracket + suffix;
        expect(normaliseCompanyName(wide ? fullWidth(typed) : typed)).toBe(name);
      }));
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'杭州浙江省市云帆有限公司集团(中国)（） abcCo.,Ltd银行'), maxLength: 24 }), (typed) => {
      const once = normaliseCompanyName(typed);
      expect(normaliseCompanyName(once)).toBe(once);
    }), { numRuns: 500 });
  });
});

describe('toHalfWidth', () => {
  it('turns full-width letters, digits and brackets half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３（）＠')).toBe('ABC123()@');
  });
});
