import { z } from 'zod';
import { ProblemException } from '@lse/service-kit';
import { etagFor, parseIfMatch } from '../src/http/etag';
import { decodeCursor, encodeCursor, pageOf, parsePageQuery } from '../src/http/pagination';

const statusOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof ProblemException ? err.problem.status : 'other';
  }
  return 'none';
};

describe('ETag and If-Match', () => {
  it('writes a stream version as a strong ETag and reads it back', () => {
    expect(etagFor(7)).toBe('"7"');
    expect(parseIfMatch(etagFor(7))).toBe(7);
    expect(parseIfMatch('"0"')).toBe(0);
    expect(parseIfMatch(' "12" ')).toBe(12);
    expect(parseIfMatch('*')).toBe('any');
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it.each(['7', 'W/"7"', '"7", "8"', '"-1"', '"07"', '"abc"', '""', '"99999999999999999"'])(
    'refuses %s with 400',
    (header) => {
      expect(statusOf(() => parseIfMatch(header))).toBe(400);
    },
  );
});

describe('cursor pagination', () => {
  const Position = z.object({ at: z.number().int(), id: z.string() });

  it('round-trips a position through an opaque base64url cursor', () => {
    const cursor = encodeCursor({ at: 42, id: 'case-9' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, Position)).toEqual({ at: 42, id: 'case-9' });
    expect(parsePageQuery({ cursor, limit: '10' }, Position)).toEqual({
      limit: 10,
      after: { at: 42, id: 'case-9' },
    });
  });

  it('pages rows, giving a cursor only when there are more', () => {
    const rows = [1, 2, 3].map((at) => ({ at, id: `c${at}` }));
    const first = pageOf(rows, 2, (last) => ({ at: last.at, id: last.id }));
    expect(first.items).toHaveLength(2);
    expect(decodeCursor(first.nextCursor!, Position)).toEqual({ at: 2, id: 'c2' });
    expect(pageOf(rows.slice(2), 2, (l) => l).nextCursor).toBeNull();
  });

  it('defaults the limit to 50 and bounds it to 1..200', () => {
    expect(parsePageQuery({}, Position)).toEqual({ limit: 50, after: undefined });
    expect(parsePageQuery({ limit: '200' }, Position).limit).toBe(200);
    for (const limit of ['0', '201', '-1', '1.5', 'ten'])
      expect(statusOf(() => parsePageQuery({ limit }, Position))).toBe(400);
  });

  it('refuses tampered or foreign cursors with 400', () => {
    expect(statusOf(() => decodeCursor('not base64!', Position))).toBe(400);
    expect(statusOf(() => decodeCursor(Buffer.from('{oops').toString('base64url'), Position))).toBe(400);
    expect(statusOf(() => decodeCursor(encodeCursor({ other: 1 }), Position))).toBe(400);
  });
});
