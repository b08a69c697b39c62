import { fixedClock, sequentialIds } from './clock';

describe('fixedClock', () => {
  it('stays put, moves only when told, and cannot be moved through the returned Date', () => {
    const clock = fixedClock('2026-03-01T10:00:00Z');
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-03-01T10:00:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-03-01T10:01:00.000Z');
    clock.set('2027-01-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(() => fixedClock('not a date')).toThrow(RangeError);
  });
});

describe('sequentialIds', () => {
  it('yields predictable UUID-shaped ids', () => {
    const ids = sequentialIds();
    expect([ids.next(), ids.next()]).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
    expect(sequentialIds('abc').next()).toBe('00000abc-0000-4000-8000-000000000001');
    expect(() => sequentialIds('xyz')).toThrow(RangeError);
  });
});
