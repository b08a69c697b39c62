import fc from 'fast-check';
import { addCents, cents, formatCents, parseCents, subtractCents, sumCents } from './money';
import { ValidationError } from './errors';

describe('cents', () => {
  it.each([0.5, NaN, Infinity, -Infinity, 2 ** 53])('rejects %p', (value) => {
    expect(() => cents(value)).toThrow(ValidationError);
  });

  it('accepts safe integers, negative included, and normalises -0', () => {
    expect(cents(-125)).toBe(-125);
    expect(Object.is(cents(-0), 0)).toBe(true);
  });

  it('adds and subtracts, throwing on overflow instead of losing cents', () => {
    expect(addCents(cents(10), cents(20), cents(-5))).toBe(25);
    expect(subtractCents(cents(10), cents(25))).toBe(-15);
    expect(sumCents([])).toBe(0);
    expect(() => addCents(cents(Number.MAX_SAFE_INTEGER), cents(1))).toThrow(ValidationError);
  });
});

describe('formatCents', () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [100, '$1.00'],
    [123456, '$1,234.56'],
    [-123456789, '-$1,234,567.89'],
  ])('%p -> %p', (value, text) => {
    expect(formatCents(cents(value))).toBe(text);
  });
});

describe('parseCents', () => {
  it.each([
    ['12.34', 1234],
    ['0.1', 10],
    ['.5', null],
    ['1,234.56', 123456],
    ['$1,234', 123400],
    ['-0.05', -5],
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996 in floating point
    ['1.005', null],
    ['1,23.00', null],
    ['12.', null],
    ['abc', null],
    ['', null],
    ['99999999999999999.99', null],
  ])('%p -> %p', (text, expected) => {
    if (expected === null) expect(() => parseCents(text)).toThrow(ValidationError);
    else expect(parseCents(text)).toBe(expected);
  });

  it('round-trips with formatCents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (value) => {
        expect(parseCents(formatCents(cents(value)))).toBe(value);
      }),
    );
  });
});
