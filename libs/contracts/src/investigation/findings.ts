import { z } from 'zod';
import { deliberative, enforcementSensitive, personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { isoDate, statute, text, uuid } from '../fields';
import { ALLEGATION_TYPES } from '../complaint/parts';
import { INVESTIGATION_CATEGORY, staffId } from './parts';

export const VIOLATION_TYPES = ALLEGATION_TYPES;

export const ViolationFound = defineEvent({
  type: 'ViolationFound',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      violationId: pub(uuid()),
      type: pub(z.enum(VIOLATION_TYPES)),
      statute: pub(statute()),
      employerIds: pub(z.array(uuid()).min(1).max(20)),
      periodStart: pub(isoDate()),
      periodEnd: pub(isoDate()),
      workersAffected: pub(z.int().min(1).max(1_000_000)),
      // Willfulness is a conclusion the determination adopts or not: pre-decisional until then.
      willful: deliberative(z.boolean()),
      basis: deliberative(text(4000)),
    })
    .refine((d) => d.periodStart <= d.periodEnd, { message: 'ends before it starts', path: ['periodEnd'] }),
});
export type ViolationFound = z.infer<typeof ViolationFound.schema>;

export const RETALIATION_KINDS = [
  'termination',
  'reduced_hours',
  'threat',
  'immigration_threat',
  'blacklisting',
  'other',
] as const;

export const RetaliationConcernFlagged = defineEvent({
  type: 'RetaliationConcernFlagged',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    concernId: pub(uuid()),
    // Which workers are at risk is itself about them, and would point the employer at them.
    workerIds: personal(z.array(uuid()).max(1000)),
    kind: enforcementSensitive(z.enum(RETALIATION_KINDS)),
    reportedOn: pub(isoDate()),
    description: deliberative(text(4000)),
  }),
});
export type RetaliationConcernFlagged = z.infer<typeof RetaliationConcernFlagged.schema>;

/** Certifications an agency may sign for a worker who is a victim of or witness to a crime. */
export const IMMIGRATION_PROGRAMS = ['u_visa', 't_visa', 'deferred_action', 'other'] as const;

/** A worker's immigration matter is about that person through and through: personal. */
export const ImmigrationSupportLetterRequested = defineEvent({
  type: 'ImmigrationSupportLetterRequested',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    letterId: pub(uuid()),
    workerId: personal(uuid()),
    program: personal(z.enum(IMMIGRATION_PROGRAMS)),
    // Who asked on the worker's behalf (an attorney, a consulate, a legal aid group).
    requestedBy: personal(text(300)),
    requestedOn: pub(isoDate()),
  }),
});
export type ImmigrationSupportLetterRequested = z.infer<typeof ImmigrationSupportLetterRequested.schema>;

export const ImmigrationSupportLetterIssued = defineEvent({
  type: 'ImmigrationSupportLetterIssued',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    letterId: pub(uuid()),
    issuedOn: pub(isoDate()),
    signedBy: personal(staffId()),
    // The signed letter, kept as evidence.
    evidenceId: pub(uuid()).optional(),
  }),
});
export type ImmigrationSupportLetterIssued = z.infer<typeof ImmigrationSupportLetterIssued.schema>;

export const CivilPenaltyAssessed = defineEvent({
  type: 'CivilPenaltyAssessed',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    penaltyId: pub(uuid()),
    employerId: pub(uuid()),
    amountCents: pub(z.int().positive()),
    statute: pub(statute()),
    violationIds: pub(z.array(uuid()).max(100)),
    basis: deliberative(text(4000)),
  }),
});
export type CivilPenaltyAssessed = z.infer<typeof CivilPenaltyAssessed.schema>;
