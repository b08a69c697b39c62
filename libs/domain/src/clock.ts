/** Time comes in from outside: domain code never reads the system clock itself. */
export interface Clock {
  now(): Date;
}

/** Ids come in from outside too, so decisions are reproducible in tests and replays. */
export interface IdGenerator {
  next(): string;
}

export interface FixedClock extends Clock {
  /** Moves the clock forward (or back, with a negative value). */
  advance(ms: number): void;
  set(instant: Date | string): void;
}

/** A clock that stays where it is put; `now()` returns a fresh copy so callers cannot move it. */
export function fixedClock(instant: Date | string = '2026-01-15T12:00:00.000Z'): FixedClock {
  let ms = toMs(instant);
  return {
    now: () => new Date(ms),
    advance: (delta) => {
      ms += delta;
    },
    set: (next) => {
      ms = toMs(next);
    },
  };
}

function toMs(instant: Date | string): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`invalid instant: ${String(instant)}`);
  return ms;
}

/**
 * Deterministic ids for tests, shaped as valid version-4 UUIDs (event ids are UUIDs):
 * 00000000-0000-4000-8000-000000000001, ...002. `prefix` (up to 8 hex digits) separates
 * generators in one test.
 */
export function sequentialIds(prefix = '00000000'): IdGenerator {
  if (!/^[0-9a-f]{1,8}$/.test(prefix))
    throw new RangeError(`prefix must be 1-8 lowercase hex digits: ${prefix}`);
  let n = 0;
  const head = prefix.padStart(8, '0');
  return {
    next: () => {
      n += 1;
      return `${head}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    },
  };
}
