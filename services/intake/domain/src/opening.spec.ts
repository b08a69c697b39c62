import { given } from '@lse/domain';
import { CaseAlreadyOpenedError, OutOfJurisdictionError, TriageRequiredError } from './errors';
import { base, decider, opened, received, triage, triaged } from '../test/events';

describe('complaint decider', () => {
  describe('OpenCase', () => {
    it('opens the case with the number given and the triage priority', () => {
      given(decider, triaged)
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042' })
        .then([opened]);
      given(decider, triaged)
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042', office: 'OAK-02' })
        .then([{ ...opened, data: { ...opened.data, office: 'OAK-02' } }]);
    });

    it('refuses to open twice', () => {
      given(decider, [...triaged, opened])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000043' })
        .thenThrows(CaseAlreadyOpenedError);
      given(decider, [...triaged, opened])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000043' })
        .thenThrows('invalid_transition');
    });

    it('refuses without a triage score', () => {
      given(decider, [received])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042' })
        .thenThrows(TriageRequiredError);
    });

    it('refuses a complaint assessed outside the jurisdiction', () => {
      given(decider, [
        received,
        { type: 'TriageScored', data: triage },
        {
          type: 'JurisdictionAssessed',
          data: { inJurisdiction: false, statutes: [], reason: 'Federal employer.' },
        },
      ])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042' })
        .thenThrows(OutOfJurisdictionError);
    });
  });
});
