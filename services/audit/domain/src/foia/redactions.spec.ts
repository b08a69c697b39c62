import { eventBuilder, given } from '@lse/domain';
import { AUDIT_EVENTS, RedactionApplied, REDACTIONS_PER_EVENT, type FoiaEvent } from '@lse/contracts';
import {
  foiaDecider,
  redactionLogDigest,
  redactionLogOf,
  redactionParts,
  type FoiaCommand,
  type LoggedRedaction,
} from '..';

const REQ = 'b1b2c3d4-0000-4000-8000-000000000001';
const CASE_A = 'b1b2c3d4-0000-4000-8000-00000000000a';
const CASE_B = 'b1b2c3d4-0000-4000-8000-00000000000b';
const EVENT = 'b1b2c3d4-0000-4000-8000-0000000000e1';
const NOW = '2026-03-01T12:00:00.000Z';
const CUTOFF = '2026-02-01T00:00:00.000Z';
const event = eventBuilder(AUDIT_EVENTS);
const received = event('FoiaRequestReceived', {
  requester: { name: 'A. Reporter' },
  description: 'Two case files.',
  caseIds: [CASE_A, CASE_B],
  jurisdiction: 'federal',
  receivedAt: NOW,
});

/** `count` withheld fields of case A then case B, numbered as a package log numbers them. */
function log(countA: number, countB = 0): Array<LoggedRedaction & { released: boolean }> {
  const entry = (caseId: string, i: number, n: number) => ({
    n,
    caseId,
    eventId: EVENT,
    path: `data.workers.${i}.name`,
    classification: 'personal',
    exemptions: ['(b)(6)', '(b)(7)(C)'],
    released: false,
  });
  return [
    ...Array.from({ length: countA }, (_, i) => entry(CASE_A, i, i + 1)),
    ...Array.from({ length: countB }, (_, i) => entry(CASE_B, i, countA + i + 1)),
  ];
}

const compile = (redactionLog: LoggedRedaction[], cutoff = CUTOFF): FoiaCommand => ({
  type: 'RecordCompilation',
  requestId: REQ,
  now: NOW,
  compilation: { cutoff, packageSha256: 'c'.repeat(64), records: 2, redactions: redactionLog.length },
  redactionLog,
});
const compiled = (redactionLog: LoggedRedaction[], cutoff = CUTOFF) =>
  event('RecordsCompiled', {
    cutoff,
    packageSha256: 'c'.repeat(64),
    records: 2,
    redactions: redactionLog.length,
    redactionLogSha256: redactionLogDigest(redactionLog),
  });
const applied = (redactionLog: LoggedRedaction[], cutoff = CUTOFF): FoiaEvent[] =>
  redactionParts(cutoff, redactionLog).map((data) => ({ type: 'RedactionApplied', data }));

describe('FOIA decider: redactions recorded as RedactionApplied', () => {
  it('records which case, event, field, classification and exemptions, as of the cut-off, then the compilation', () => {
    const three = log(2, 1);
    given(foiaDecider, [received])
      .when(compile(three))
      .then([
        {
          type: 'RedactionApplied',
          data: {
            cutoff: CUTOFF,
            redactionLogSha256: redactionLogDigest(three),
            part: 1,
            parts: 2,
            caseId: CASE_A,
            redactions: [
              {
                n: 1,
                eventId: EVENT,
                path: 'data.workers.0.name',
                classification: 'personal',
                exemptions: ['(b)(6)', '(b)(7)(C)'],
              },
              {
                n: 2,
                eventId: EVENT,
                path: 'data.workers.1.name',
                classification: 'personal',
                exemptions: ['(b)(6)', '(b)(7)(C)'],
              },
            ],
          },
        },
        {
          type: 'RedactionApplied',
          data: {
            cutoff: CUTOFF,
            redactionLogSha256: redactionLogDigest(three),
            part: 2,
            parts: 2,
            caseId: CASE_B,
            redactions: [
              {
                n: 3,
                eventId: EVENT,
                path: 'data.workers.0.name',
                classification: 'personal',
                exemptions: ['(b)(6)', '(b)(7)(C)'],
              },
            ],
          },
        },
        compiled(three),
      ]);
  });

  it('records a set once: compiling again as of the same cut-off records the compilation only', () => {
    const entries = log(3);
    given(foiaDecider, [received, ...applied(entries), compiled(entries)])
      .when(compile(entries))
      .then([compiled(entries)]);
  });

  it('records a set once: an override does not change what the classification withheld (the same digest)', () => {
    const entries = log(3);
    const afterOverride = entries.map((e, i) => (i === 0 ? { ...e, released: true } : e));
    given(foiaDecider, [received, ...applied(entries), compiled(entries)])
      .when(compile(afterOverride))
      .then([compiled(entries)]);
  });

  it('records the set again as of another cut-off', () => {
    const entries = log(1);
    const later = '2026-02-15T00:00:00.000Z';
    given(foiaDecider, [received, ...applied(entries), compiled(entries)])
      .when(compile(entries, later))
      .then([...applied(entries, later), compiled(entries, later)]);
  });

  it('records a set that differs (the case closed: no (b)(7)(A))', () => {
    const entries = log(1);
    const closed = entries.map((e) => ({
      ...e,
      classification: 'enforcement_sensitive',
      exemptions: ['(b)(7)(E)'],
    }));
    given(foiaDecider, [received, ...applied(entries), compiled(entries)])
      .when(compile(closed))
      .then([...applied(closed), compiled(closed)]);
  });

  it('splits a large set into parts of at most REDACTIONS_PER_EVENT, one case per part, each under 1 MB', () => {
    const entries = log(REDACTIONS_PER_EVENT + 10, 5).map((e) => ({
      ...e,
      // A path near the longest, every character a 6-byte JSON escape: the largest part there can be.
      path: `${'\u0001'.repeat(490)}.${e.n}`,
    }));
    const parts = redactionParts(CUTOFF, entries);
    expect(parts.map((p) => [p.caseId, p.redactions.length, p.part, p.parts])).toEqual([
      [CASE_A, REDACTIONS_PER_EVENT, 1, 3],
      [CASE_A, 10, 2, 3],
      [CASE_B, 5, 3, 3],
    ]);
    for (const part of parts) {
      expect(RedactionApplied.schema.safeParse(part).success).toBe(true);
      expect(Buffer.byteLength(JSON.stringify(part))).toBeLessThan(1024 * 1024);
    }
    // Together the parts are the log again, in order, without release flags.
    expect(redactionLogOf([...parts].reverse())).toEqual(entries.map(({ released: _r, ...e }) => e));
    expect(
      RedactionApplied.schema.safeParse({
        ...parts[0],
        redactions: [...parts[0].redactions, parts[1].redactions[0]],
      }).success,
    ).toBe(false);
  });

  describe('a release', () => {
    const entries = log(2);
    const release: FoiaCommand = {
      type: 'ReleaseResponse',
      requestId: REQ,
      now: NOW,
      cutoff: CUTOFF,
      packageSha256: 'd'.repeat(64),
      htmlSha256: 'e'.repeat(64),
      records: 2,
      redactions: 2,
      redactionLog: entries,
    };
    const released = event('FoiaResponseReleased', {
      cutoff: CUTOFF,
      packageSha256: 'd'.repeat(64),
      htmlSha256: 'e'.repeat(64),
      records: 2,
      redactions: 2,
      overrides: 0,
      releasedAt: NOW,
      redactionLogSha256: redactionLogDigest(entries),
      installment: 1,
      final: true,
    });

    it('records its set first when no compilation recorded it', () =>
      given(foiaDecider, [received])
        .when(release)
        .then([...applied(entries), released]));

    it('does not record the set again when a compilation did', () =>
      given(foiaDecider, [received, ...applied(entries), compiled(entries)])
        .when(release)
        .then([released]));
  });

  it('refuses a redaction of a case the request does not ask for', () => {
    const stray = log(1).map((e) => ({ ...e, caseId: 'b1b2c3d4-0000-4000-8000-0000000000ff' }));
    given(foiaDecider, [received]).when(compile(stray)).thenThrows('case_not_requested');
  });

  it('keeps each recorded set in the state, counted once', () => {
    const entries = log(REDACTIONS_PER_EVENT + 1);
    given(foiaDecider, [received, ...applied(entries), compiled(entries)]).thenState(
      expect.objectContaining({
        redactionSets: [
          {
            cutoff: CUTOFF,
            redactionLogSha256: redactionLogDigest(entries),
            parts: 2,
            redactions: entries.length,
          },
        ],
      }),
    );
  });
});
