import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from './credit-code.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published real codes', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110108551385082Q')).toBe(true); // a Beijing company
  });
  it('refuses a wrong check character, wrong length and forbidden letters', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100I43')).toBe(false); // I is not in the alphabet
  });
  it('computes check characters that validate', () => {
    const body = '91330100MA2CFXYW0';
    const code = body + creditCodeCheckChar(body);
    expect(isValidCreditCode(code)).toBe(true);
  });
  it('normalises what people type', () => {
    expect(normalizeCreditCode(' 9135 0100-m000100y43 ')).toBe('91350100M000100Y43');
  });
});
