import type { InvestigationEvent } from '@lse/contracts';
import { evolve, initialState, type InvestigationState } from '.';
import { LETTER, OTHER, WORKER_A, WORKER_B, day, opened, supervisor } from '../test/fixtures';

/*
 * What the state keeps for the case file (issue 19): interviews, retaliation concerns and
 * immigration letters listed with their facts, without anything said or who said it.
 */

const INTERVIEW_2 = 'aaaaaaaa-0000-4000-8000-00000000000a';
const CONCERN = 'aaaaaaaa-0000-4000-8000-00000000000b';

const events: InvestigationEvent[] = [
  opened,
  {
    type: 'InterviewRecorded',
    data: {
      interviewId: OTHER,
      interviewee: {
        role: 'worker',
        workerId: WORKER_A,
        name: 'Maria Planted-Name',
        phone: '+14155550123',
        confidentialSource: true,
      },
      interviewedOn: day('2026-01-20'),
      language: 'es-MX',
      interpreterUsed: true,
      traumaInformedProtocol: true,
      summary: 'PLANTED SUMMARY: worked 50 hours.',
      notes: 'PLANTED NOTES',
    },
  },
  {
    type: 'InterviewRecorded',
    data: {
      interviewId: INTERVIEW_2,
      interviewee: { role: 'manager', name: 'Planted Manager', confidentialSource: false },
      interviewedOn: day('2026-01-22'),
      language: 'en',
      interpreterUsed: false,
      traumaInformedProtocol: false,
      summary: 'PLANTED SUMMARY 2',
    },
  },
  {
    type: 'RetaliationConcernFlagged',
    data: {
      concernId: CONCERN,
      workerIds: [WORKER_A, WORKER_B],
      kind: 'reduced_hours',
      reportedOn: day('2026-01-25'),
      description: 'PLANTED DESCRIPTION: hours cut after the interview.',
    },
  },
  {
    type: 'ImmigrationSupportLetterRequested',
    data: {
      letterId: LETTER,
      workerId: WORKER_A,
      program: 'u_visa',
      requestedBy: 'Planted Legal Aid',
      requestedOn: day('2026-02-01'),
    },
  },
];

const fold = (list: InvestigationEvent[]) =>
  list.reduce<InvestigationState>((state, event) => evolve(state, event), initialState);

const investigationOf = (state: InvestigationState) => {
  if (state.status === 'none') throw new Error('no investigation');
  return state.investigation;
};

describe('the case file kept by the investigation state', () => {
  it('lists interviews by when, role, worker, language and how, never name, phone, summary or notes', () => {
    const inv = investigationOf(fold(events));
    expect(inv.interviews).toEqual([
      {
        interviewId: OTHER,
        interviewedOn: '2026-01-20',
        role: 'worker',
        workerId: WORKER_A,
        language: 'es-MX',
        interpreterUsed: true,
        traumaInformedProtocol: true,
        confidentialSource: true,
      },
      {
        interviewId: INTERVIEW_2,
        interviewedOn: '2026-01-22',
        role: 'manager',
        workerId: null,
        language: 'en',
        interpreterUsed: false,
        traumaInformedProtocol: false,
        confidentialSource: false,
      },
    ]);
  });

  it('lists retaliation concerns without their description, and letters without who asked', () => {
    const inv = investigationOf(fold(events));
    expect(inv.retaliationConcerns).toEqual([
      {
        concernId: CONCERN,
        workerIds: [WORKER_A, WORKER_B],
        kind: 'reduced_hours',
        reportedOn: '2026-01-25',
      },
    ]);
    expect(inv.letters).toEqual({
      [LETTER]: { workerId: WORKER_A, program: 'u_visa', requestedOn: '2026-02-01', issued: false },
    });
    expect(JSON.stringify(inv)).not.toMatch(/PLANTED|Planted|\+1415/);
  });

  it('marks a letter issued with its date and the signed letter', () => {
    const evidenceId = 'aaaaaaaa-0000-4000-8000-00000000000c';
    const inv = investigationOf(
      fold([
        ...events,
        {
          type: 'ImmigrationSupportLetterIssued',
          data: { letterId: LETTER, issuedOn: day('2026-02-15'), signedBy: supervisor.id, evidenceId },
        },
      ]),
    );
    expect(inv.letters[LETTER]).toEqual({
      workerId: WORKER_A,
      program: 'u_visa',
      requestedOn: '2026-02-01',
      issued: true,
      issuedOn: '2026-02-15',
      evidenceId,
    });
  });
});
