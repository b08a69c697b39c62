import {
  AgreementAmended,
  AgreementDrafted,
  AgreementSigned,
  ContactAdded,
  DisclosureWithheld,
  PartnerRegistered,
  StatusSharedWithPartner,
} from '@lse/contracts';
import type { CaseRecord } from '../src';

/*
 * Records of the partners service for FOIA record sections: an agreement with a party whose two
 * point people carry planted contacts, and a disclosure ledger naming a worker.
 */
export const PARTNER = '5b1c1e0a-8f5e-4c1d-9a51-0f3b2d7c6e01';
export const AGREEMENT = '6c2d2f1b-9a6f-4d2e-8b62-1a4c3e8d7f02';
export const REFERRAL_CASE = '7d3e3a2c-0b7a-4e3f-9c73-2b5d4f9e8a03';
export const WORKER = '8e4f4b3d-1c8b-4f4a-8d84-3c6e5a0f9b04';

export const POINT_PERSON = {
  name: 'Rosa Planted-Contact',
  phone: '+1 415 555 0199',
  email: 'rosa.planted@center.example',
};
export const CLAUSE_TEXT = 'The agency tells the center the status of each referred case.';

let position = 500;
function stored(
  streamId: string,
  type: string,
  data: Record<string, unknown>,
  version: number,
  recordedAt: string,
): CaseRecord {
  position += 1;
  return {
    eventId: `00000000-0000-4000-9000-${String(position).padStart(12, '0')}`,
    streamId,
    streamVersion: version,
    globalPosition: position,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: { id: 'liaison.lee@agency.example', role: 'partner_liaison' },
      correlationId: 'corr-p',
      sourceService: 'partners',
      occurredAt: recordedAt,
    },
    recordedAt,
  };
}

/** Each event validated against its contract first: a fixture the contract refuses is a bug here. */
const valid = (schema: { parse(v: unknown): unknown }, data: unknown) =>
  schema.parse(data) as Record<string, unknown>;

export function agreementRecords(): CaseRecord[] {
  position = 500;
  return [
    stored(
      `agreement-${AGREEMENT}`,
      'AgreementDrafted',
      valid(AgreementDrafted.schema, {
        type: 'letter_of_arrangement',
        title: 'Letter of arrangement with the Mission Worker Center',
        partnerIds: [PARTNER],
        agencyParty: 'Office of Labor Standards Enforcement',
        scope: ['referrals'],
        sharingLevel: 'status',
        effectiveOn: '2026-01-01',
        expiresOn: '2028-01-01',
        clauses: [{ clauseId: 'sharing', title: 'Sharing', text: CLAUSE_TEXT }],
      }),
      1,
      '2026-01-02T10:00:00.000Z',
    ),
    stored(
      `agreement-${AGREEMENT}`,
      'AgreementSigned',
      valid(AgreementSigned.schema, {
        signedOn: '2026-01-05',
        signatories: ['Labor Commissioner', 'Executive Director'],
      }),
      2,
      '2026-01-05T10:00:00.000Z',
    ),
    stored(
      `partner-${PARTNER}`,
      'PartnerRegistered',
      valid(PartnerRegistered.schema, {
        name: 'Mission Worker Center',
        type: 'worker_center',
        languages: ['es'],
        industries: ['car_washes'],
        region: 'San Francisco',
        office: 'SF-01',
        registeredAt: '2025-12-01',
      }),
      1,
      '2025-12-01T10:00:00.000Z',
    ),
    stored(
      `partner-${PARTNER}`,
      'ContactAdded',
      valid(ContactAdded.schema, {
        contact: { contactId: '9f5a5c4e-2d9c-4a5b-9e95-4d7f6b1a0c05', role: 'organizer', ...POINT_PERSON },
      }),
      2,
      '2025-12-01T10:00:01.000Z',
    ),
  ];
}

/** The agreement's records and an amendment whose summary (public free text) names a point person. */
export function agreementRecordsWithAmendment(summary: string): CaseRecord[] {
  const records = agreementRecords();
  records.push(
    stored(
      `agreement-${AGREEMENT}`,
      'AgreementAmended',
      valid(AgreementAmended.schema, {
        clauseVersion: 2,
        amendedOn: '2026-02-01',
        changes: { expiresOn: '2028-06-30' },
        summary,
      }),
      3,
      '2026-02-01T10:00:00.000Z',
    ),
  );
  return records;
}

export function ledgerRecords(): CaseRecord[] {
  position = 600;
  const consents = [{ workerId: WORKER, version: 1, scopes: ['status'] }];
  return [
    stored(
      `referral-${REFERRAL_CASE}`,
      'StatusSharedWithPartner',
      valid(StatusSharedWithPartner.schema, {
        partnerId: PARTNER,
        milestone: 'case_opened',
        fields: { status: 'case_opened', caseNumber: 'LSE-2026-000123', backWagesAssessedCents: 125_000 },
        withheldFields: [],
        agreementId: AGREEMENT,
        clauseVersion: 1,
        sharingLevel: 'status',
        consents,
        sharedAt: '2026-02-03T10:00:00.000Z',
      }),
      3,
      '2026-02-03T10:00:00.000Z',
    ),
    stored(
      `referral-${REFERRAL_CASE}`,
      'DisclosureWithheld',
      valid(DisclosureWithheld.schema, {
        partnerId: PARTNER,
        milestone: 'determination_issued',
        reason: 'consent_does_not_cover',
        withheldFields: ['determinationOutcome'],
        agreementId: AGREEMENT,
        clauseVersion: 1,
        sharingLevel: 'status',
        consents,
        decidedAt: '2026-02-04T10:00:00.000Z',
      }),
      4,
      '2026-02-04T10:00:00.000Z',
    ),
  ];
}
