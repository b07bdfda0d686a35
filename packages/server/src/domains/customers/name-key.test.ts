import { describe, expect, it } from 'vitest';
import { nameKey, phoneKey } from './name-key.js';

describe('duplicate keys', () => {
  it('ignores legal suffixes, brackets, width and spacing', () => {
    expect(nameKey('杭州云帆科技有限公司')).toBe('杭州云帆科技');
    expect(nameKey('杭州云帆科技（有限公司）')).toBe('杭州云帆科技');
    expect(nameKey(' 杭州 云帆科技股份有限公司')).toBe('杭州云帆科技');
    expect(nameKey('Acme Co., Ltd.')).toBe('acme');
  });
  it('keeps a name that is only a suffix-like word', () => {
    expect(nameKey('集团')).toBe('集团');
  });
  it('phone keys are digits without the +86 country code', () => {
    expect(phoneKey('+86 138-0013-8000')).toBe('13800138000');
    expect(phoneKey('0571-88886666')).toBe('057188886666');
    expect(phoneKey('123')).toBeNull();
  });
});
