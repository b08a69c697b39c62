import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { canonicalJson } from '@lse/canonical-json';
import { eventsAfter, parseInstant, stopIndexAt, stopsOf } from '../../src/features/audit/instants';
import { countChanges, diffCase, diffFields, flatten } from '../../src/features/audit/state-diff';

describe('what changed since an instant', () => {
  it('flattens a state to paths, empty objects and lists kept as leaves', () => {
    expect([
      ...flatten({ status: 'open', investigation: { workers: [{ id: 'w1' }], penalties: {} } }),
    ]).toEqual([
      ['status', 'open'],
      ['investigation.workers[0].id', 'w1'],
      ['investigation.penalties', {}],
    ]);
  });

  it('marks each field added, changed, removed or unchanged, in document order', () => {
    const then = { status: 'open', investigation: { assignedTo: 'ivan', penalties: {}, notes: 'x' } };
    const now = {
      status: 'open',
      investigation: {
        assignedTo: 'irene',
        penalties: {},
        determination: { proposal: { determinationId: 'd1' }, issuedAt: '2026-12-06T16:00:00.000Z' },
      },
    };
    expect(diffFields(then, now)).toEqual([
      { path: 'investigation.assignedTo', change: 'changed', then: 'ivan', now: 'irene' },
      {
        path: 'investigation.determination.issuedAt',
        change: 'added',
        now: '2026-12-06T16:00:00.000Z',
      },
      { path: 'investigation.determination.proposal.determinationId', change: 'added', now: 'd1' },
      { path: 'investigation.notes', change: 'removed', then: 'x' },
      { path: 'investigation.penalties', change: 'unchanged', then: {}, now: {} },
      { path: 'status', change: 'unchanged', then: 'open', now: 'open' },
    ]);
  });

  it('orders list items by number, not as text (item 10 after item 2)', () => {
    const list = Array.from({ length: 11 }, (_, i) => i);
    const paths = diffFields({ l: list.slice(0, 2) }, { l: list }).map((f) => f.path);
    expect(paths.slice(0, 3)).toEqual(['l[0]', 'l[1]', 'l[2]']);
    expect(paths[paths.length - 1]).toBe('l[10]');
  });

  it('compares the case stream by stream: a stream begun since is added, one unchanged says so', () => {
    const complaint = {
      streamId: 'complaint-1',
      category: 'complaint',
      version: 4,
      state: { status: 'opened' },
    };
    const diff = diffCase(
      [
        complaint,
        {
          streamId: 'investigation-1',
          category: 'investigation',
          version: 5,
          state: { determination: null },
        },
      ],
      [
        complaint,
        {
          streamId: 'investigation-1',
          category: 'investigation',
          version: 8,
          state: { determination: { issuedAt: 't' } },
        },
        {
          streamId: 'collection-1',
          category: 'collection',
          version: 1,
          state: { status: 'open', balanceCents: 17200 },
        },
      ],
    );
    expect(diff.map((s) => [s.streamId, s.change, s.versionThen, s.versionNow])).toEqual([
      ['complaint-1', 'unchanged', 4, 4],
      ['investigation-1', 'changed', 5, 8],
      ['collection-1', 'added', 0, 1],
    ]);
    expect(diff[1]!.fields).toEqual([
      { path: 'determination', change: 'removed', then: null },
      { path: 'determination.issuedAt', change: 'added', now: 't' },
    ]);
    expect(countChanges(diff)).toEqual({ added: 3, changed: 0, removed: 1 });
  });
});

describe('the instants the time control snaps to', () => {
  const events = [
    { type: 'ComplaintReceived', recordedAt: '2026-12-06T16:00:00.000Z' },
    { type: 'CaseOpened', recordedAt: '2026-12-06T16:00:01.500Z' },
    { type: 'InvestigationOpened', recordedAt: '2026-12-06T16:00:01.500Z' },
    { type: 'DeterminationIssued', recordedAt: '2026-12-06T16:05:00.000Z' },
  ];

  it('groups the events recorded at one instant (one transaction) into one stop', () => {
    const stops = stopsOf(events);
    expect(stops.map((s) => [s.at, s.events.map((e) => e.type)])).toEqual([
      ['2026-12-06T16:00:00.000Z', ['ComplaintReceived']],
      ['2026-12-06T16:00:01.500Z', ['CaseOpened', 'InvestigationOpened']],
      ['2026-12-06T16:05:00.000Z', ['DeterminationIssued']],
    ]);
  });

  it('an instant shows the last stop at or before it; before the first there is none', () => {
    const stops = stopsOf(events);
    expect(stopIndexAt(stops, '2026-12-06T16:00:01.500Z')).toBe(1);
    expect(stopIndexAt(stops, '2026-12-06T16:04:59.999Z')).toBe(1);
    expect(stopIndexAt(stops, '2026-12-06T17:00:00Z')).toBe(2);
    expect(stopIndexAt(stops, '2026-12-06T15:59:59.999Z')).toBe(-1);
    expect(eventsAfter(events, '2026-12-06T16:00:01.500Z').map((e) => e.type)).toEqual([
      'DeterminationIssued',
    ]);
  });

  it('takes only well-formed instants from the URL, normalized to UTC milliseconds', () => {
    expect(parseInstant('2026-12-06T08:05:00-08:00')).toBe('2026-12-06T16:05:00.000Z');
    expect(parseInstant('2026-12-06T16:05:00.123456Z')).toBe('2026-12-06T16:05:00.123Z');
    expect(parseInstant('yesterday')).toBeUndefined();
    expect(parseInstant('2026-13-45T99:00:00Z')).toBeUndefined();
    expect(parseInstant(null)).toBeUndefined();
  });
});

describe('the checkpoint bytes shown for checking outside the system', () => {
  it('are the canonical JSON an Ed25519 signature over the payload verifies against', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const payload = {
      position: 12,
      merkleRoot: 'ab'.repeat(32),
      format: 'lse-integrity-checkpoint/1',
      nested: { b: 1, a: [true, null] },
    };
    // Signed as audit signs it: keys sorted, no white space.
    const signed =
      '{"format":"lse-integrity-checkpoint/1","merkleRoot":"' +
      'ab'.repeat(32) +
      '","nested":{"a":[true,null],"b":1},"position":12}';
    const signature = sign(null, Buffer.from(signed), privateKey);
    expect(canonicalJson(payload)).toBe(signed);
    expect(
      verify(null, Buffer.from(canonicalJson(JSON.parse(JSON.stringify(payload)))), publicKey, signature),
    ).toBe(true);
  });
});
