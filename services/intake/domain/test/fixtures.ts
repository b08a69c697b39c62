import { COMPLAINT_EVENTS, type ComplaintReceived, type ReceiveComplaintInput } from '@lse/contracts';
import { eventBuilder, isoDate as d } from '@lse/domain';

/* Realistic complaints for specs. The planted identity is distinctive so that leaks are easy to find. */
export const PLANTED_NAME = 'Rosa Planted-Complainant';
export const PLANTED_PHONE = '+1 415 555 0199';

export const CASE_ID = '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
export const OTHER_CASE_ID = '8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d';

/** A past event, checked by its contract and typed as that event. */
export const event = eventBuilder(COMPLAINT_EVENTS);

/** A hotline complaint about a car wash: two workers, one confidential, overtime ongoing. */
export function receivedComplaint(overrides: Partial<ComplaintReceived> = {}): ComplaintReceived {
  return {
    channel: 'hotline',
    receivedAt: '2026-01-15T17:05:00-08:00',
    office: 'SF-01',
    complainants: [
      {
        complainantId: '11111111-2222-4333-8444-555555555555',
        name: PLANTED_NAME,
        phone: PLANTED_PHONE,
        preferredLanguage: 'es-MX',
        interpreterNeeded: true,
        confidentialityRequested: true,
        role: 'worker',
      },
      {
        complainantId: '66666666-7777-4888-8999-000000000000',
        preferredLanguage: 'en',
        interpreterNeeded: false,
        confidentialityRequested: false,
        role: 'anonymous',
      },
    ],
    employer: {
      name: 'Golden Gate Car Wash, LLC',
      address: { street: '1200 Mission St.', city: 'San Francisco', state: 'CA', postalCode: '94103' },
      fein: '94-1234567',
      naics: '811192',
    },
    allegations: [
      {
        type: 'overtime',
        periodStart: d('2024-03-01'),
        ongoing: true,
        workersAffected: 12,
        estimatedAmountCents: 845_000,
      },
      {
        type: 'retaliation',
        periodStart: d('2025-12-01'),
        periodEnd: d('2025-12-31'),
        workersAffected: 1,
        ongoing: false,
      },
    ],
    ...overrides,
  };
}

/** The same complaint as a client files it over HTTP (complainant ids assigned by intake). */
export function receiveInput(overrides: Partial<ReceiveComplaintInput> = {}): ReceiveComplaintInput {
  const { complainants, ...rest } = receivedComplaint();
  return {
    ...rest,
    complainants: complainants.map(({ complainantId: _id, ...c }) => c),
    ...overrides,
  };
}
