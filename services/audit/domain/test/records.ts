import { complaintReceived, PLANTED } from '@lse/contracts/src/complaint/examples';
import { PLANTED_NAME, PLANTED_PHONE, receivedComplaint } from '@lse/intake-domain/test/fixtures';
import type { CaseRecord } from '../src';

export const CASE = '0d7c9a52-3b1e-4f6a-8c2d-9e0f1a2b3c4d';
export const OFFICER = 'officer.jane@agency.example';

/** Every planted identity of the fixtures: none may appear in a released package. */
export const PLANTED_VALUES = [
  PLANTED.name,
  PLANTED.phone,
  PLANTED.email,
  PLANTED.street,
  PLANTED_NAME,
  PLANTED_PHONE,
  OFFICER,
];

let position = 100;
export function record(
  type: string,
  data: Record<string, unknown>,
  version: number,
  recordedAt: string,
): CaseRecord {
  position += 1;
  return {
    eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    streamId: `complaint-${CASE}`,
    streamVersion: version,
    globalPosition: position,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      caseId: CASE,
      actor: { id: OFFICER, role: 'intake_officer' },
      correlationId: 'corr-1',
      sourceService: 'intake',
      occurredAt: recordedAt,
      clientIp: '203.0.113.9',
    },
    recordedAt,
  };
}

/** A complaint received with two planted identities, triaged and opened. */
export function openedCase(): CaseRecord[] {
  position = 100;
  return [
    record('ComplaintReceived', complaintReceived(), 1, '2026-01-16T01:05:00.000Z'),
    record(
      'ComplaintAmended',
      { changes: { complainants: receivedComplaint().complainants }, reason: 'Second caller added.' },
      2,
      '2026-01-16T02:00:00.000Z',
    ),
    record(
      'TriageScored',
      {
        score: 72,
        priority: 'P2',
        factors: [{ factor: 'ongoing', points: 10, explanation: 'Violations continue.' }],
      },
      3,
      '2026-01-16T03:00:00.000Z',
    ),
  ];
}
