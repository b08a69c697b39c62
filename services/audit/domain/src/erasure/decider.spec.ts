import { eventBuilder, given } from '@lse/domain';
import { AUDIT_EVENTS } from '@lse/contracts';
import { erasureDecider, type ErasePerson } from '..';

const event = eventBuilder(AUDIT_EVENTS);
const ERASURE = 'e1b2c3d4-0000-4000-8000-000000000001';
const KEY = 'e1b2c3d4-0000-4000-8000-0000000000a1';
const CASE_A = 'e1b2c3d4-0000-4000-8000-00000000000a';
const CASE_B = 'e1b2c3d4-0000-4000-8000-00000000000b';
const HOLD = 'e1b2c3d4-0000-4000-8000-0000000000f1';
const NOW = '2026-12-06T10:00:00.000Z';

const erase = (overrides: Partial<ErasePerson> = {}): ErasePerson => ({
  type: 'ErasePerson',
  erasureId: ERASURE,
  subjectKind: 'worker',
  keyId: KEY,
  caseIds: [CASE_B, CASE_A],
  requested: 'all',
  holds: [],
  basis: 'data_subject_request',
  reason: 'The worker asked to be erased under the agency privacy policy.',
  now: NOW,
  ...overrides,
});
const erased = event('PersonErased', {
  erasureId: ERASURE,
  subjectKind: 'worker',
  keyId: KEY,
  caseIds: [CASE_A, CASE_B],
  basis: 'data_subject_request',
  reason: 'The worker asked to be erased under the agency privacy policy.',
  erasedAt: NOW,
});

describe('erasing a person (erasure decider)', () => {
  it('given nothing erased, when a person under no hold is erased from all cases, then PersonErased names the key and every case, not the person', () =>
    given(erasureDecider).when(erase()).then([erased]));

  it('given nothing erased, when the request names every case the key sealed, then the person is erased', () =>
    given(erasureDecider)
      .when(erase({ requested: [CASE_A, CASE_B] }))
      .then([erased]));

  it('refuses under_legal_hold while a hold is in effect on any case the person appears in (agency records policy: the duty to preserve)', () =>
    given(erasureDecider)
      .when(
        erase({
          holds: [
            { caseId: CASE_A, holdIds: [] },
            { caseId: CASE_B, holdIds: [HOLD] },
          ],
        }),
      )
      .thenThrows('under_legal_hold'));

  it('given a hold lifted (no hold id in effect), when the person is erased, then it is recorded', () =>
    given(erasureDecider)
      .when(erase({ holds: [{ caseId: CASE_B, holdIds: [] }] }))
      .then([erased]));

  it('refuses erasure_scope_incomplete when the request leaves out a case the key sealed (one key per person erases every case)', () =>
    given(erasureDecider)
      .when(erase({ requested: [CASE_A] }))
      .thenThrows('erasure_scope_incomplete'));

  it('given the person erased, when erased again, then nothing new is recorded (idempotent)', () =>
    given(erasureDecider, [erased]).when(erase()).then([]));

  it('given the person erased, when erased again while a hold is now in effect, then nothing new is recorded (the key is gone already)', () =>
    given(erasureDecider, [erased])
      .when(erase({ holds: [{ caseId: CASE_A, holdIds: [HOLD] }] }))
      .then([]));

  it('records the retention review an erase step came from', () =>
    given(erasureDecider)
      .when(erase({ basis: 'retention_schedule', reviewId: HOLD }))
      .then([{ ...erased, data: { ...erased.data, basis: 'retention_schedule', reviewId: HOLD } }]));
});
