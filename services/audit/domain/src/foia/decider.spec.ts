import { given } from '@lse/domain';
import type { FoiaEvent } from '@lse/contracts';
import { foiaDecider, redactionLogDigest, type FoiaCommand } from '..';

const REQ = 'a1b2c3d4-0000-4000-8000-000000000001';
const CASE = 'a1b2c3d4-0000-4000-8000-000000000002';
const NOW = '2026-03-01T12:00:00.000Z';
const received: FoiaEvent = {
  type: 'FoiaRequestReceived',
  data: {
    requester: { name: 'A. Reporter', organization: 'Bay Ledger' },
    description: 'Records of the car wash case.',
    caseIds: [CASE],
    jurisdiction: 'federal',
    receivedAt: NOW,
  },
};
const override = {
  caseId: CASE,
  eventId: 'a1b2c3d4-0000-4000-8000-000000000003',
  path: 'data.employer.fein',
  justification: 'Already public in the court filing.',
};
const release: FoiaCommand = {
  type: 'ReleaseResponse',
  requestId: REQ,
  now: NOW,
  cutoff: NOW,
  packageSha256: 'a'.repeat(64),
  htmlSha256: 'b'.repeat(64),
  records: 3,
  redactions: 9,
  redactionLog: [],
};
const NO_REDACTIONS = redactionLogDigest([]);

describe('FOIA request decider', () => {
  it('receives a request at the command time', () => {
    const { receivedAt: _r, ...request } = received.data as { receivedAt: string };
    given(foiaDecider)
      .when({ type: 'ReceiveFoiaRequest', requestId: REQ, now: NOW, request: request as never })
      .then([received]);
  });
  it('refuses a second request under the same id', () => {
    given(foiaDecider, [received])
      .when({ type: 'ReceiveFoiaRequest', requestId: REQ, now: NOW, request: received.data })
      .thenThrows('conflict');
  });
  it('refuses a jurisdiction that has no exemption catalog when the request is made, not at compilation', () => {
    given(foiaDecider)
      .when({
        type: 'ReceiveFoiaRequest',
        requestId: REQ,
        now: NOW,
        request: { ...received.data, jurisdiction: 'atlantis' },
      })
      .thenThrows('validation');
  });
  it('records an override of a withheld field with its justification', () => {
    given(foiaDecider, [received])
      .when({ type: 'OverrideRedaction', requestId: REQ, now: NOW, override, withheld: true })
      .then([{ type: 'RedactionOverridden', data: override }]);
  });
  it('refuses to override a field that is not withheld, twice, or for a case not requested', () => {
    given(foiaDecider, [received])
      .when({ type: 'OverrideRedaction', requestId: REQ, now: NOW, override, withheld: false })
      .thenThrows('validation');
    given(foiaDecider, [received, { type: 'RedactionOverridden', data: override }])
      .when({ type: 'OverrideRedaction', requestId: REQ, now: NOW, override, withheld: true })
      .thenThrows('conflict');
    given(foiaDecider, [received])
      .when({
        type: 'OverrideRedaction',
        requestId: REQ,
        now: NOW,
        override: { ...override, caseId: REQ },
        withheld: true,
      })
      .thenThrows('validation');
  });
  it('releases with the digests and the count of overrides, then accepts nothing more', () => {
    given(foiaDecider, [received, { type: 'RedactionOverridden', data: override }])
      .when(release)
      .then([
        {
          type: 'FoiaResponseReleased',
          data: {
            cutoff: NOW,
            packageSha256: 'a'.repeat(64),
            htmlSha256: 'b'.repeat(64),
            records: 3,
            redactions: 9,
            overrides: 1,
            releasedAt: NOW,
            redactionLogSha256: NO_REDACTIONS,
          },
        },
      ]);
    const released: FoiaEvent = {
      type: 'FoiaResponseReleased',
      data: {
        cutoff: NOW,
        packageSha256: 'a'.repeat(64),
        htmlSha256: 'b'.repeat(64),
        records: 3,
        redactions: 9,
        overrides: 0,
        releasedAt: NOW,
      },
    };
    given(foiaDecider, [received, released])
      .when({ type: 'OverrideRedaction', requestId: REQ, now: NOW, override, withheld: true })
      .thenThrows('invalid_transition');
  });
  it('refuses a cut-off in the future and an unknown request', () => {
    given(foiaDecider, [received])
      .when({ ...release, cutoff: '2026-03-02T00:00:00Z' })
      .thenThrows('validation');
    given(foiaDecider).when(release).thenThrows('not_found');
  });
});
