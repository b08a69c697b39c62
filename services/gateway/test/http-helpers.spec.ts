import { z } from 'zod';
import { ProblemException } from '@lse/service-kit';
import { etagFor, parseIfMatch } from '../src/http/etag';
import { actionsOf, sendAction, type ActionCall } from '../src/http/case-action';
import { CaseIdParams } from '../src/http/params';
import { decodeCursor, encodeCursor, listPage, pageOf, parsePageQuery } from '../src/http/pagination';
import { registeredEndpoints } from '../src/openapi/endpoint';
import type { CallContext, ServicesClient } from '../src/services/services-client';

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

/** A ServicesClient that records what it is asked and answers with `reply`. */
function fakeServices(reply: unknown) {
  const calls: Array<{ pattern: string; data: unknown }> = [];
  const services = {
    call: (pattern: string, data: unknown) => {
      calls.push({ pattern, data });
      return Promise.resolve(reply);
    },
  } as unknown as ServicesClient;
  return { services, calls };
}
const ctx: CallContext = { actor: { id: 'u-1', role: 'investigator' }, correlationId: 'c-1' };

describe('one page of a service list (listPage)', () => {
  const Position = z.strictObject({ at: z.string(), id: z.string() });
  const keyset = {
    position: Position,
    of: (row: { at: string; id: string }) => ({ at: row.at, id: row.id }),
  };

  it('asks for one row more than the limit, with the filters, and pages from the cursor', async () => {
    const rows = ['a', 'b', 'c'].map((id) => ({ id, at: `2026-01-0${id.charCodeAt(0) - 96}` }));
    const { services, calls } = fakeServices({ items: rows });
    const after = encodeCursor({ at: '2026-01-01', id: 'z' });
    const page = await listPage(
      services,
      'x.list',
      { status: 'open', cursor: after, limit: '2' },
      ctx,
      keyset,
    );
    expect(calls).toEqual([
      {
        pattern: 'x.list',
        data: { filters: { status: 'open' }, limit: 3, after: { at: '2026-01-01', id: 'z' } },
      },
    ]);
    expect(page.items.map((r) => r.id)).toEqual(['a', 'b']);
    expect(decodeCursor(page.nextCursor!, Position)).toEqual({ at: '2026-01-02', id: 'b' });
  });

  it('turns the query text into what the service takes, and refuses a foreign cursor before asking', async () => {
    const { services, calls } = fakeServices({ items: [] });
    await listPage(services, 'x.list', { unassigned: 'true' }, ctx, keyset, (f) => ({
      assigned: f.unassigned !== 'true',
    }));
    expect(calls[0].data).toEqual({ filters: { assigned: false }, limit: 51 });
    await expect(
      listPage(services, 'x.list', { cursor: encodeCursor({ other: 1 }) }, ctx, keyset),
    ).rejects.toBeInstanceOf(ProblemException);
    expect(calls).toHaveLength(1);
  });
});

describe('an action on a versioned stream (actionsOf, sendAction)', () => {
  const call = (ifMatch: string | undefined) => {
    const headers: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => (headers[name] = value) };
    const action: ActionCall = {
      pattern: 'x.do',
      params: { caseId: 'c-9' },
      input: { note: 'n' },
      ifMatch,
      ctx,
      res: res as unknown as ActionCall['res'],
    };
    return { action, headers };
  };

  it('sends the id, the input and the expected version from If-Match, and sets the new version as ETag', async () => {
    const { services, calls } = fakeServices({ caseId: 'c-9', version: 8 });
    const { action, headers } = call('"7"');
    await expect(sendAction(services, action)).resolves.toEqual({ caseId: 'c-9', version: 8 });
    expect(calls).toEqual([
      { pattern: 'x.do', data: { caseId: 'c-9', input: { note: 'n' }, expectedVersion: 7 } },
    ]);
    expect(headers).toEqual({ ETag: '"8"' });
  });

  it('sends no expected version without If-Match, and nothing at all for a bad one (400)', async () => {
    const { services, calls } = fakeServices({ version: 1 });
    await sendAction(services, call(undefined).action);
    expect(calls[0].data).toEqual({ caseId: 'c-9', input: { note: 'n' } });
    await expect(sendAction(services, call('W/"1"').action)).rejects.toBeInstanceOf(ProblemException);
    expect(calls).toHaveLength(1);
  });

  it('declares the route once: POST under the base, the area roles unless the action names its own, versioned', () => {
    const Reply = z.object({ version: z.int() });
    const action = actionsOf({
      base: 'things/:caseId',
      params: CaseIdParams,
      tags: ['things'],
      roles: ['investigator'],
      reply: Reply,
    });
    class Things {
      @action({
        operationId: 'testPoke',
        path: 'pokes',
        summary: 'Poke',
        body: z.object({}),
        pattern: 'x.poke',
      })
      poke() {}
      @action({
        operationId: 'testClose',
        path: 'closure',
        summary: 'Close',
        body: z.object({}),
        pattern: 'x.close',
        roles: ['supervisor'],
        done: 'Closed.',
      })
      close() {}
    }
    expect(Things).toBeDefined();
    const byId = new Map(registeredEndpoints().map((e) => [e.operationId, e]));
    expect(byId.get('testPoke')).toMatchObject({
      method: 'POST',
      path: 'things/:caseId/pokes',
      roles: ['investigator'],
      params: CaseIdParams,
      versioned: true,
      response: { status: 200, description: 'Done; ETag is the new stream version.', schema: Reply },
    });
    expect(byId.get('testClose')).toMatchObject({
      roles: ['supervisor'],
      response: { description: 'Closed.' },
    });
  });
});
