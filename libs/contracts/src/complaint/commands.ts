import { z } from 'zod';
import { instant, officeCode, statute, text, uuid } from '../fields';
import { ComplaintAmended } from './amended';
import { COMPLAINT_CHANNEL_RULES } from './channel-rules';
import { JurisdictionAssessed } from './assessments';
import { ComplaintDeclined, ComplaintReferredOut, ComplaintWithdrawn, DuplicateLinked } from './outcomes';
import { AllegationSchema, CHANNELS, ComplainantSchema, EmployerSchema, PRIORITIES } from './parts';

/*
 * Commands and queries of the intake service: what the gateway sends over NATS request/reply and
 * validates as request bodies. Command inputs are not stored as such (the events they cause are,
 * with their own classified schemas), so they carry no classification.
 */

/** NATS request/reply patterns served by `services/intake` (queue group `intake`). */
export const INTAKE_PATTERNS = {
  receive: 'intake.receive',
  amend: 'intake.amend',
  assessJurisdiction: 'intake.assessJurisdiction',
  assessLimitations: 'intake.assessLimitations',
  scoreTriage: 'intake.scoreTriage',
  linkDuplicate: 'intake.linkDuplicate',
  linkRelated: 'intake.linkRelated',
  merge: 'intake.merge',
  referOut: 'intake.referOut',
  decline: 'intake.decline',
  withdraw: 'intake.withdraw',
  openCase: 'intake.openCase',
  getComplaint: 'intake.getComplaint',
  listComplaints: 'intake.listComplaints',
  listCases: 'intake.listCases',
  findEmployer: 'intake.findEmployer',
} as const;
export type IntakePattern = (typeof INTAKE_PATTERNS)[keyof typeof INTAKE_PATTERNS];

/** A complainant as a client files it: the id is assigned by intake when absent. */
export const ComplainantInputSchema = z
  .strictObject({ ...ComplainantSchema.shape, complainantId: uuid().optional() })
  .refine((c) => (c.role === 'anonymous') === (c.name === undefined), {
    message: 'a worker or representative has a name; an anonymous complainant has none',
    path: ['name'],
  });

/** POST /complaints: a ComplaintReceived without the ids and time intake fills in. */
export const ReceiveComplaintInput = z
  .strictObject({
    channel: z.enum(CHANNELS),
    referralId: uuid().optional(),
    /** When the agency got it; defaults to when intake records it. */
    receivedAt: instant().optional(),
    office: officeCode(),
    complainants: z.array(ComplainantInputSchema).max(100),
    employer: EmployerSchema,
    allegations: z.array(AllegationSchema).min(1).max(50),
    intakeNotes: text(5000).optional(),
  })
  .meta({ allOf: COMPLAINT_CHANNEL_RULES });
export type ReceiveComplaintInput = z.infer<typeof ReceiveComplaintInput>;

export const AmendComplaintInput = ComplaintAmended.schema;
export const AssessJurisdictionInput = JurisdictionAssessed.schema;

/** The period and dates are computed by intake from the statute's configured period and today. */
export const AssessLimitationsInput = z.strictObject({
  statute: statute(),
  willful: z.boolean(),
});
export type AssessLimitationsInput = z.infer<typeof AssessLimitationsInput>;

export const RESOURCE_INTENSITIES = ['low', 'medium', 'high'] as const;
export type ResourceIntensity = (typeof RESOURCE_INTENSITIES)[number];

/** The other factors come from the complaint, its assessments and the employer index. */
export const ScoreTriageInput = z.strictObject({
  /** Intake's estimate of the investigation effort; estimated from the complaint when absent. */
  resourceIntensity: z.enum(RESOURCE_INTENSITIES).optional(),
});
export type ScoreTriageInput = z.infer<typeof ScoreTriageInput>;

export const LinkDuplicateInput = DuplicateLinked.schema;

/** A related case: both stay open; recorded on both. */
export const LinkRelatedInput = z.strictObject({ relatedCaseId: uuid(), reason: text(2000) });
export type LinkRelatedInput = z.infer<typeof LinkRelatedInput>;

/** Merges this complaint into the surviving case: its complainants and allegations move there. */
export const MergeComplaintInput = z.strictObject({ intoCaseId: uuid(), reason: text(2000) });
export type MergeComplaintInput = z.infer<typeof MergeComplaintInput>;
export const ReferOutInput = ComplaintReferredOut.schema;
export const DeclineInput = ComplaintDeclined.schema;
export const WithdrawInput = ComplaintWithdrawn.schema;

/** The case number is allocated by intake; the office defaults to the complaint's. */
export const OpenCaseInput = z.strictObject({ office: officeCode().optional() });
export type OpenCaseInput = z.infer<typeof OpenCaseInput>;

/** `intake.receive` has no case yet: intake derives the caseId from the command id. */
export const ReceiveComplaintRequest = z.strictObject({ input: ReceiveComplaintInput });

export const COMPLAINT_STATUSES = [
  'received',
  'opened',
  'declined',
  'withdrawn',
  'referred_out',
  'duplicate',
  'merged',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** A position in a list ordered by (at, caseId): opaque to clients, inside the cursor. */
export const ListPositionSchema = z.strictObject({ at: z.string().min(1).max(64), caseId: uuid() });
export type ListPosition = z.infer<typeof ListPositionSchema>;

export const ListComplaintsQuery = z.strictObject({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  office: officeCode().optional(),
  /** A targeted-industry name (e.g. `car_washes`) or a NAICS code prefix (e.g. `7225`). */
  industry: z
    .string()
    .regex(/^([a-z][a-z_]{1,40}|\d{2,6})$/, 'expected an industry name like car_washes or a NAICS prefix')
    .optional(),
});
export type ListComplaintsQuery = z.infer<typeof ListComplaintsQuery>;

/**
 * A case's status in the case index, following it across services (intake, investigation,
 * collections). A complaint that ends at intake without being opened (declined, referred out,
 * linked as a duplicate, merged into another case) is in the index too, under that status, with no
 * case number. `open` in a query means a case still being worked: OPEN_CASE_STATUSES.
 */
export const OPEN_CASE_STATUSES = [
  'opened',
  'under_investigation',
  'determination_issued',
  'in_collections',
] as const;
/** How a complaint ends at intake without a case (withdrawn ones stay in the complaint queue only). */
export const ENDED_AT_INTAKE_STATUSES = ['declined', 'referred_out', 'duplicate', 'merged'] as const;
export const CASE_STATUSES = [...OPEN_CASE_STATUSES, 'closed', ...ENDED_AT_INTAKE_STATUSES] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const ListCasesQuery = z.strictObject({
  status: z.enum([...CASE_STATUSES, 'open']).optional(),
  priority: z.enum(PRIORITIES).optional(),
  office: officeCode().optional(),
  caseNumber: z
    .string()
    .regex(/^LSE-\d{4}-\d{6}$/, 'expected a case number like LSE-2026-000123')
    .optional(),
});
export type ListCasesQuery = z.infer<typeof ListCasesQuery>;

/** `limit` rows after `after`; intake returns up to `limit` rows in list order. */
export const listRequest = <S extends z.ZodType>(filters: S) =>
  z.strictObject({ filters, limit: z.int().min(1).max(1000), after: ListPositionSchema.optional() });

export const FindEmployerQuery = z
  .strictObject({
    name: z.string().trim().min(2).max(300).optional(),
    fein: z
      .string()
      .regex(/^\d{2}-?\d{7}$/, 'expected a FEIN like 12-3456789')
      .optional(),
    /** One line: street, city, state, ZIP ("1200 Mission St, San Francisco CA 94103"). */
    address: z.string().trim().min(5).max(400).optional(),
  })
  .refine((q) => q.name !== undefined || q.fein !== undefined || q.address !== undefined, {
    message: 'give a name, a fein or an address',
    path: ['name'],
  });
export type FindEmployerQuery = z.infer<typeof FindEmployerQuery>;
