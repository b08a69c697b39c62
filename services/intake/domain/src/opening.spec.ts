import { given } from '@lse/domain';
import { CaseAlreadyOpenedError, OutOfJurisdictionError, TriageRequiredError } from './errors';
import { base, decider, opened, received, triageScored, triaged } from '../test/events';
import { event } from '../test/fixtures';

describe('complaint decider', () => {
  describe('OpenCase', () => {
    it('opens the case with the number given and the triage priority', () =>
      given(decider, triaged)
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042' })
        .then([opened]));

    it('opens the case in another office when one is given', () =>
      given(decider, triaged)
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042', office: 'OAK-02' })
        .then([{ ...opened, data: { ...opened.data, office: 'OAK-02' } }]));

    it('refuses to open twice', () =>
      given(decider, [...triaged, opened])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000043' })
        .thenThrows(CaseAlreadyOpenedError));

    it('refuses without a triage score', () =>
      given(decider, [received])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042' })
        .thenThrows(TriageRequiredError));

    it('refuses a complaint assessed outside the jurisdiction', () =>
      given(decider, [
        received,
        triageScored,
        event('JurisdictionAssessed', { inJurisdiction: false, statutes: [], reason: 'Federal employer.' }),
      ])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042' })
        .thenThrows(OutOfJurisdictionError));
  });
});
