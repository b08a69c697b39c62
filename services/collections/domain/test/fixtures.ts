import type { CollectionCaseOpened, CollectionEvent } from '@lse/contracts';
import type { CollectionCommand } from '../src/commands';

/* Sample data for specs. Planted identities are distinctive so leaks are easy to find. */
export const CASE = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const W1 = '11111111-1111-4111-8111-111111111111';
export const W2 = '22222222-2222-4222-8222-222222222222';
export const W3 = '33333333-3333-4333-8333-333333333333';
export const D1 = 'dddddddd-0001-4ddd-8ddd-dddddddddddd';
export const D2 = 'dddddddd-0002-4ddd-8ddd-dddddddddddd';
export const PLANTED_CONFIDENTIAL = 'Rosa Confidential-Worker';

export const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const NOW = '2026-03-10T17:00:00.000Z';
export const officer = { id: 'officer-1', role: 'collections_officer' };
export const supervisor = { id: 'supervisor-1', role: 'supervisor' };

export const opening = (): CollectionCaseOpened =>
  ({
    determinationId: id(900),
    caseNumber: 'LSE-2026-000042',
    office: 'SF-01',
    naics: '811192',
    openedOn: '2026-02-01',
    debtors: [
      { debtorId: D1, name: 'Golden Gate Car Wash LLC', role: 'direct' },
      { debtorId: D2, name: 'Sparkle Staffing Inc', role: 'joint' },
    ],
    workers: [
      { workerId: W1, name: 'Ana Open-Worker', assessedCents: 100_000, confidentialityRequested: false },
      { workerId: W2, name: PLANTED_CONFIDENTIAL, assessedCents: 60_000, confidentialityRequested: true },
      { workerId: W3, name: 'Luis Open-Worker', assessedCents: 40_000, confidentialityRequested: false },
    ],
    totalAssessedCents: 200_000,
    civilPenaltiesCents: 5_000,
  }) as CollectionCaseOpened;

export const openedEvent = (): CollectionEvent => ({ type: 'CollectionCaseOpened', data: opening() });

/** A command with the case, time and actor filled in. */
export function cmd<T extends CollectionCommand['type']>(
  type: T,
  // Loose on purpose: specs write dates as plain strings (the contracts brand them when parsing).
  rest: Record<string, unknown>,
  actor = officer,
  now = NOW,
): CollectionCommand {
  return { type, caseId: CASE, now, actor, ...rest } as unknown as CollectionCommand;
}
