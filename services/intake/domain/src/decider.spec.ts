import { COMPLAINT_EVENTS, type ComplaintEvent } from '@lse/contracts';
import { given } from '@lse/domain';
import type { ComplaintCommand } from './commands';
import {
  CaseAlreadyOpenedError,
  ComplaintAlreadyReceivedError,
  ComplaintClosedError,
  ComplaintNotFoundError,
} from './errors';
import {
  base,
  closing,
  decider,
  inJurisdiction,
  jurisdiction,
  limitationsAssessed,
  opened,
  received,
  triaged,
} from '../test/events';
import { OTHER_CASE_ID, receivedComplaint } from '../test/fixtures';

/** One command of each kind that intake can be asked while working a complaint. */
const everyIntakeCommand: ComplaintCommand[] = [
  {
    ...base,
    type: 'AmendComplaint',
    amendment: { changes: { employer: receivedComplaint().employer }, reason: 'Legal name.' },
  },
  { ...base, type: 'AssessJurisdiction', assessment: inJurisdiction },
  { ...base, type: 'AssessLimitations', statute: 'FLSA', willful: false },
  { ...base, type: 'ScoreTriage', priorCases: { caseNumbers: [] } },
  {
    ...base,
    type: 'LinkDuplicate',
    link: { duplicateOfCaseId: OTHER_CASE_ID, reason: 'Same employer and period.' },
    target: { caseId: OTHER_CASE_ID, status: 'opened' },
  },
  { ...base, type: 'ReferOut', referral: { receivingAgency: 'OSHA', crossFiled: false, reason: 'Safety.' } },
  { ...base, type: 'Decline', decline: { reasonCode: 'no_jurisdiction' } },
  { ...base, type: 'Withdraw', withdrawal: { reason: 'Fear of retaliation.' } },
  { ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000043' },
];

describe('complaint decider', () => {
  describe('refusals by state', () => {
    it.each(everyIntakeCommand.map((c) => [c.type, c] as const))(
      '%s needs a received complaint',
      (_type, command) => given(decider, []).when(command).thenThrows(ComplaintNotFoundError),
    );

    for (const [status, event] of Object.entries(closing)) {
      it.each(everyIntakeCommand.map((c) => [c.type, c] as const))(
        `%s is refused once ${status}`,
        (_type, command) =>
          given(decider, [...triaged, event])
            .when(command)
            .thenThrows(ComplaintClosedError),
      );

      it(`a complaint ${status} cannot be cross-filed`, () =>
        given(decider, [...triaged, event])
          .when({
            ...base,
            type: 'ReferOut',
            referral: { receivingAgency: 'OSHA', crossFiled: true, reason: 'x' },
          })
          .thenThrows(ComplaintClosedError));

      it(`a complaint ${status} cannot be received again`, () =>
        given(decider, [...triaged, event])
          .when({ ...base, type: 'ReceiveComplaint', complaint: receivedComplaint() })
          .thenThrows(ComplaintAlreadyReceivedError));
    }

    it.each(everyIntakeCommand.filter((c) => c.type !== 'OpenCase').map((c) => [c.type, c] as const))(
      '%s is refused once the case is opened',
      (_type, command) =>
        given(decider, [...triaged, opened])
          .when(command)
          .thenThrows(CaseAlreadyOpenedError),
    );
  });

  it('decides only events their contract schemas accept', () => {
    const states: ComplaintEvent[][] = [[received], [received, jurisdiction, limitationsAssessed], triaged];
    for (const past of states) {
      const state = past.reduce(decider.evolve, decider.initialState);
      for (const command of everyIntakeCommand) {
        let events: ComplaintEvent[] = [];
        try {
          events = decider.decide(command, state);
        } catch {
          continue; // refusals are covered above
        }
        for (const event of events) {
          expect(() => COMPLAINT_EVENTS[event.type].parse(1, event.data)).not.toThrow();
        }
      }
    }
  });

  describe('evolve', () => {
    it('starts with no complaint', () => given(decider, []).thenState({ status: 'none' }));

    it('folds an opened case with its number, priority and office', () => {
      const state = [...triaged, opened].reduce(decider.evolve, decider.initialState);
      expect(state).toMatchObject({
        status: 'opened',
        caseNumber: 'LSE-2026-000042',
        priority: 'P2',
        office: 'SF-01',
      });
    });

    it.each(Object.entries(closing))('folds a complaint that ends at intake to %s', (status, event) =>
      expect([received, event].reduce(decider.evolve, decider.initialState).status).toBe(status),
    );
  });
});
