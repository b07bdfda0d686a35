// The request field primitives: what they accept, what they refuse, and that no input makes one throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  BusinessDateSchema, CursorSchema, decimalString, IdSchema, InstantSchema, isCleanText, MoneyOrZeroSchema, MoneySchema, SignedMoneySchema, Text,
} from './common.js';
import { ContractInput } from './contracts.js';
import { PaymentCreate, RebateEntryCreate } from './receivables.js';

const ok = (s: z.ZodType, v: unknown) => s.safeParse(v).success;
const messages = (s: z.ZodType, v: unknown) => s.safeParse(v).error?.issues.map((i) => i.message) ?? [];

describe('Text', () => {
  it('refuses NUL and unpaired surrogates, keeps pairs (emoji) and Chinese', () => {
    expect(ok(Text, 'a\u0000b')).toBe(false);
    expect(ok(Text, 'x\ud800')).toBe(false);
    expect(ok(Text, '\udc00x')).toBe(false);
    expect(ok(Text, '回款💰')).toBe(true);
    expect(isCleanText('\ud83d\udcb0')).toBe(true);
  });
});

describe('IdSchema', () => {
  it('accepts any letter case and gives lower case', () => {
    expect(IdSchema.parse('ABCDEF01-2345-4678-89AB-CDEF01234567')).toBe('abcdef01-2345-4678-89ab-cdef01234567');
    expect(ok(IdSchema, 'not-a-uuid')).toBe(false);
  });
});

describe('dates', () => {
  it('are real calendar days from 1900 to 2999', () => {
    for (const v of ['2026-02-30', '0000-00-00', '2026-13-01', '2026-1-1', '1899-12-31', '3000-01-01', '2023-02-29']) expect(ok(BusinessDateSchema, v), v).toBe(false);
    for (const v of ['2024-02-29', '1900-01-01', '2999-12-31', '2026-12-06']) expect(ok(BusinessDateSchema, v), v).toBe(true);
    expect(messages(BusinessDateSchema, '2026-02-30')).toEqual(['expected a real calendar date as YYYY-MM-DD']);
  });
  it('instants carry an offset and a real day', () => {
    expect(ok(InstantSchema, '2026-12-06T09:30:00+08:00')).toBe(true);
    expect(ok(InstantSchema, '2026-12-06T09:30:00')).toBe(false);
    expect(ok(InstantSchema, '2026-02-30T09:30:00Z')).toBe(false);
    expect(ok(InstantSchema, '0000-01-01T00:00:00Z')).toBe(false);
  });
});

describe('decimal strings', () => {
  it('money: at most 2 decimals, no exponent or sign tricks, not zero', () => {
    for (const v of ['10.001', '1e3', '-0', '+1', '.5', '1.', '0x10', '0', '0.00', '１２', 'NaN', '9999999999999999']) expect(ok(MoneySchema, v), v).toBe(false);
    for (const v of ['0.01', '1234.5', ' 12.30 ', '999999999999999.99']) expect(ok(MoneySchema, v), v).toBe(true);
    expect(ok(MoneyOrZeroSchema, '0.00')).toBe(true);
  });
  it('signed money refuses zero in every spelling', () => {
    for (const v of ['0', '0.00', '-0', '-0.00']) expect(messages(SignedMoneySchema, v)).toEqual(['must not be zero (zero is meaningless here)']);
    expect(ok(SignedMoneySchema, '-100.50')).toBe(true);
  });
  it('bounds are inclusive', () => {
    const percent = decimalString({ digits: 3, scale: 6, sign: 'positive', max: '100', message: 'percent' });
    expect(ok(percent, '100')).toBe(true);
    expect(ok(percent, '100.000001')).toBe(false);
    expect(ok(percent, '33.333333')).toBe(true);
  });
});

describe('no input makes a request schema throw', () => {
  const schemas: Record<string, z.ZodType> = {
    Text, IdSchema, BusinessDateSchema, InstantSchema, MoneySchema, SignedMoneySchema, CursorSchema, ContractInput, PaymentCreate, RebateEntryCreate,
  };
  const contractish = fc.record({
    customerId: fc.constant('abcdef01-2345-4678-89ab-cdef01234567'),
    lines: fc.array(fc.record({ description: fc.string(), quantity: fc.oneof(fc.string(), fc.double(), fc.constant(null)), unitPrice: fc.oneof(fc.string(), fc.integer()), taxRate: fc.string() }), { maxLength: 3 }),
    instalments: fc.array(fc.record({ trigger: fc.constantFrom('date', 'on_signing', 'x'), percent: fc.oneof(fc.string(), fc.constant('thirty')), amount: fc.oneof(fc.string(), fc.constant(null)), dueDate: fc.string() }), { maxLength: 3 }),
  });
  it('safeParse answers for any JSON value', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.string(), contractish), (value) => {
      for (const [name, schema] of Object.entries(schemas)) {
        expect(() => schema.safeParse(value), name).not.toThrow();
      }
    }), { numRuns: 500 });
  });
});
