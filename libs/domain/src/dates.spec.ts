import fc from 'fast-check';
import {
  addDays,
  addYears,
  compareIsoDates,
  daysBetween,
  fromEpochDay,
  isIsoDate,
  isoDate,
  toEpochDay,
  utcDateOf,
  weekdayOf,
  workweekOf,
} from './dates';
import { ValidationError } from './errors';

describe('ISO dates', () => {
  it.each([
    ['2026-01-31', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
  ])('isIsoDate(%p) is %p', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });

  it('isoDate throws a ValidationError', () => {
    expect(() => isoDate('2026-02-30')).toThrow(ValidationError);
  });

  it('converts to and from epoch days', () => {
    expect(toEpochDay(isoDate('1970-01-01'))).toBe(0);
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (day) =>
        expect(toEpochDay(fromEpochDay(day))).toBe(day),
      ),
    );
  });

  it('does day and year arithmetic', () => {
    expect(addDays(isoDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(isoDate('2026-01-01'), -1)).toBe('2025-12-31');
    expect(daysBetween(isoDate('2026-01-01'), isoDate('2026-03-01'))).toBe(59);
    expect(addYears(isoDate('2024-02-29'), -2)).toBe('2022-02-28');
    expect(addYears(isoDate('2024-02-29'), 4)).toBe('2028-02-29');
    expect(compareIsoDates(isoDate('2025-12-31'), isoDate('2026-01-01'))).toBe(-1);
    expect(utcDateOf(new Date('2026-03-01T23:30:00-08:00'))).toBe('2026-03-02');
  });

  it('finds weekdays and workweek starts', () => {
    expect(weekdayOf(isoDate('2026-01-15'))).toBe('thursday');
    expect(workweekOf(isoDate('2026-01-15'), 'sunday')).toBe('2026-01-11');
    expect(workweekOf(isoDate('2026-01-15'), 'thursday')).toBe('2026-01-15');
    expect(workweekOf(isoDate('2026-01-15'), 'friday')).toBe('2026-01-09');
    expect(weekdayOf(isoDate('1969-12-28'))).toBe('sunday');
  });
});
