import { COLLECTION_EVENTS, type CollectionCaseOpened } from '@lse/contracts';
import { eventBuilder, type IsoDate } from '@lse/domain';
import type { CollectionCommandType, CommandBase } from '../src/commands';
import type { CommandOf } from '../src/decision';

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

/** A past event, checked by its contract and typed as that event. */
export const event = eventBuilder(COLLECTION_EVENTS);

export const openedEvent = () =>
  event('CollectionCaseOpened', {
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
  });

export const opening = (): CollectionCaseOpened => openedEvent().data;

/** A type as specs write it: calendar dates as plain strings (the contracts brand them when parsing). */
type Written<T> = T extends IsoDate
  ? string
  : T extends readonly (infer U)[]
    ? Written<U>[]
    : T extends object
      ? { [K in keyof T]: Written<T[K]> }
      : T;

/** A command with the case, time and actor filled in; the rest is checked against its type. */
export function cmd<T extends CollectionCommandType>(
  type: T,
  rest: Written<Omit<CommandOf<T>, 'type' | keyof CommandBase>>,
  actor = officer,
  now = NOW,
): CommandOf<T> {
  // Only the dates differ from the command type: plain strings here, branded by parsing there.
  return Object.assign({ type, caseId: CASE, now, actor }, rest) as unknown as CommandOf<T>;
}
