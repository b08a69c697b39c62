import { given, eventBuilder } from '@lse/domain';
import { AUDIT_EVENTS } from '@lse/contracts';
import { foiaDecider, redactionLogDigest, type FoiaCommand } from '..';

const event = eventBuilder(AUDIT_EVENTS);
const REQ = 'a1b2c3d4-0000-4000-8000-000000000001';
const CASE = 'a1b2c3d4-0000-4000-8000-000000000002';
const NOW = '2026-03-01T12:00:00.000Z';
const request = {
  requester: { name: 'A. Reporter', organization: 'Bay Ledger' },
  description: 'Records of the car wash case.',
  caseIds: [CASE],
  jurisdiction: 'federal',
};
const received = event('FoiaRequestReceived', { ...request, receivedAt: NOW });
const override = {
  caseId: CASE,
  eventId: 'a1b2c3d4-0000-4000-8000-000000000003',
  path: 'data.employer.fein',
  justification: 'Already public in the court filing.',
};
const overridden = event('RedactionOverridden', override);
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
const released = event('FoiaResponseReleased', {
  cutoff: NOW,
  packageSha256: 'a'.repeat(64),
  htmlSha256: 'b'.repeat(64),
  records: 3,
  redactions: 9,
  overrides: 0,
  releasedAt: NOW,
});
const overrideCommand = (withheld = true, caseId = CASE): FoiaCommand => ({
  type: 'OverrideRedaction',
  requestId: REQ,
  now: NOW,
  override: { ...override, caseId },
  withheld,
});

describe('FOIA request decider', () => {
  describe('a request', () => {
    it('is received at the command time', () =>
      given(foiaDecider)
        .when({ type: 'ReceiveFoiaRequest', requestId: REQ, now: NOW, request })
        .then([received]));

    it('is received once under an id', () =>
      given(foiaDecider, [received])
        .when({ type: 'ReceiveFoiaRequest', requestId: REQ, now: NOW, request })
        .thenThrows('already_received'));

    it('is refused for a jurisdiction with no exemption catalog when made, not at compilation', () =>
      given(foiaDecider)
        .when({
          type: 'ReceiveFoiaRequest',
          requestId: REQ,
          now: NOW,
          request: { ...request, jurisdiction: 'atlantis' },
        })
        .thenThrows('unknown_jurisdiction'));
  });

  describe('an override of a withheld field', () => {
    it('is recorded with its justification', () =>
      given(foiaDecider, [received]).when(overrideCommand()).then([overridden]));

    it('is refused for a field that is not withheld', () =>
      given(foiaDecider, [received]).when(overrideCommand(false)).thenThrows('field_not_withheld'));

    it('is recorded once', () =>
      given(foiaDecider, [received, overridden]).when(overrideCommand()).thenThrows('already_overridden'));

    it('is refused for a case the request does not ask for', () =>
      given(foiaDecider, [received]).when(overrideCommand(true, REQ)).thenThrows('case_not_requested'));

    it('is refused after the release', () =>
      given(foiaDecider, [received, released]).when(overrideCommand()).thenThrows('foia_released'));
  });

  describe('the release', () => {
    it('records the digests and the count of overrides', () =>
      given(foiaDecider, [received, overridden])
        .when(release)
        .then([
          event('FoiaResponseReleased', {
            cutoff: NOW,
            packageSha256: 'a'.repeat(64),
            htmlSha256: 'b'.repeat(64),
            records: 3,
            redactions: 9,
            overrides: 1,
            releasedAt: NOW,
            redactionLogSha256: redactionLogDigest([]),
            // Without `final: false` a release is the final one, the first of the request.
            installment: 1,
            final: true,
          }),
        ]));

    it('refuses a cut-off in the future', () =>
      given(foiaDecider, [received])
        .when({ ...release, cutoff: '2026-03-02T00:00:00Z' })
        .thenThrows('cutoff_in_future'));

    it('refuses an unknown request', () =>
      given(foiaDecider).when(release).thenThrows('foia_request_not_found'));
  });
});
