import { z } from 'zod';
import { personal, pub } from '../classification';
import { pageReply } from '../replies';
import {
  FoiaClockTolled,
  FoiaRequestReceived,
  FoiaResponseReleased,
  RecordsCompiled,
  RedactionOverridden,
} from './foia';
import { FOIA_RECORD_SECTIONS } from './records';
import { EVIDENCE_WITHHELD_REASONS, TEXT_FINDING_KINDS } from './text-redaction';
import {
  FoiaAppealViewFields,
  FOIA_STATUSES,
  FoiaLifecycleItemFields,
  FoiaLifecycleReply,
  FoiaResponseReply,
} from './foia-lifecycle-replies';

/* What audit answers: the event history, a case's state at a time, integrity, FOIA requests. */

export const HistoryEntryReply = z.object({
  position: pub(z.int()),
  eventId: pub(z.uuid()),
  streamId: pub(z.string()),
  category: pub(z.string()),
  streamVersion: pub(z.int()),
  type: pub(z.string()),
  // Staff ids, as the envelope classifies its actor.
  actor: personal(z.object({ id: z.string(), role: z.string(), org: z.string().optional() })),
  occurredAt: pub(z.string()),
  recordedAt: pub(z.string()),
  correlationId: pub(z.string()),
  causationId: pub(z.string()).optional(),
  sourceService: pub(z.string()),
});
export type HistoryEntryReply = z.infer<typeof HistoryEntryReply>;

/** One read of a case's records: who, what (resource, route), when, and its link in the access stream's chain. */
export const CaseAccessEntryReply = z.object({
  position: pub(z.int()),
  /** The read's place in the hash chain of `access-<caseId>`. */
  streamVersion: pub(z.int()),
  hash: pub(z.string()),
  prevHash: pub(z.string()),
  // Staff ids, as the envelope classifies its actor.
  actor: personal(z.object({ id: z.string(), role: z.string(), org: z.string().optional() })),
  resource: pub(z.string()),
  operation: pub(z.string()),
  // As RecordAccessed classifies it: the id of the person whose record was read.
  subjectId: personal(z.uuid()).optional(),
  accessedAt: pub(z.string()),
  correlationId: pub(z.string()),
});
export type CaseAccessEntryReply = z.infer<typeof CaseAccessEntryReply>;
export const CaseAccessPageReply = pageReply(CaseAccessEntryReply);

export const CaseStateReply = z.object({
  caseId: pub(z.uuid()),
  asOf: pub(z.string()),
  open: pub(z.boolean()),
  events: pub(z.int()),
  streams: z.array(
    z.object({
      streamId: pub(z.string()),
      category: pub(z.string()),
      version: pub(z.int()),
      // Every stream's folded state: workers' names among it.
      state: personal(z.unknown()),
    }),
  ),
  chain: pub(z.object({ ok: z.boolean(), firstBroken: z.unknown().optional() })),
});
export type CaseStateReply = z.infer<typeof CaseStateReply>;

export const IntegrityReportReply = pub(
  z.object({
    ok: z.boolean(),
    scope: z.enum(['store', 'case']),
    caseId: z.uuid().optional(),
    streamsChecked: z.int(),
    eventsChecked: z.int(),
    checkpoint: z.object({ position: z.int(), merkleRoot: z.string(), takenAt: z.string() }).nullable(),
    firstBroken: z
      .object({
        streamId: z.string(),
        streamVersion: z.int(),
        globalPosition: z.int().nullable(),
        problem: z.string(),
      })
      .optional(),
  }),
);
export type IntegrityReportReply = z.infer<typeof IntegrityReportReply>;

export const SignedCheckpointReply = pub(
  z.object({
    payload: z.record(z.string(), z.unknown()),
    signature: z.object({
      algorithm: z.literal('Ed25519'),
      keyId: z.string(),
      publicKeyPem: z.string(),
      value: z.string(),
    }),
  }),
);
export type SignedCheckpointReply = z.infer<typeof SignedCheckpointReply>;

/** A request's clock as of the reply: what the queue sorts by (overdue first) and the request shows. */
export const FoiaClockReply = z.object({
  countedIn: pub(z.enum(['business', 'calendar'])),
  dueOn: pub(z.string())
    .optional()
    .describe('The last day for an answer; absent while the clock is tolled or once released.'),
  daysLeft: pub(z.int())
    .optional()
    .describe(
      "In the rule's days (business or calendar) as of now; negative once overdue; frozen while tolled.",
    ),
  overdue: pub(z.boolean()),
  tolled: pub(z.boolean()),
});
export type FoiaClockReply = z.infer<typeof FoiaClockReply>;

export const FoiaRequestItemReply = z.object({
  requestId: pub(z.uuid()),
  status: pub(z.string()),
  caseIds: pub(z.array(z.uuid())),
  // As the request's event classifies it: the newspaper or firm, not the person.
  requesterOrganization: pub(z.string()).optional(),
  receivedAt: pub(z.string()),
  overrides: pub(z.int()),
  cutoff: pub(z.string())
    .optional()
    .describe("The release's cut-off once released, else the latest compilation's; absent before the first."),
  packageSha256: pub(z.string()).optional(),
  version: pub(z.int()),
  queuePosition: pub(z.string()).describe(
    "The request's place in the queue's order (what a page's cursor holds).",
  ),
  ...FoiaClockReply.shape,
  ...FoiaLifecycleItemFields,
});
export type FoiaRequestItemReply = z.infer<typeof FoiaRequestItemReply>;

export const FoiaVersionReply = z.object({ requestId: pub(z.uuid()), version: pub(z.int()) });
export type FoiaVersionReply = z.infer<typeof FoiaVersionReply>;

const PackageRecordReply = z.object({
  eventId: z.string(),
  streamId: z.string(),
  streamVersion: z.int(),
  type: z.string(),
  recordedAt: z.string(),
  data: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
});

/** A released count, or the marker standing for a withheld one. */
const StatisticCell = z.union([z.int(), z.string()]);

/** The package as released: every record up to the cut-off, classified fields withheld. */
export const FoiaPackageReply = pub(
  z.object({
    format: z.literal('lse-foia-package/1'),
    requestId: z.uuid(),
    jurisdiction: z.string(),
    law: z.string(),
    cutoff: z.string(),
    cases: z.array(
      z.object({
        caseId: z.uuid(),
        openAtCutoff: z.boolean(),
        records: z.array(PackageRecordReply),
        evidence: z
          .array(
            z.object({
              evidenceId: z.uuid(),
              eventId: z.string(),
              mediaType: z.string(),
              sizeBytes: z.int(),
              sha256: z.string(),
              text: z.string().optional().describe("The file's text, redacted like free text."),
              imagesNotIncluded: z.int().optional(),
              withheld: z
                .object({
                  reason: z.enum(EVIDENCE_WITHHELD_REASONS),
                  detail: z.string(),
                })
                .optional()
                .describe('Why the file is withheld whole (it cannot be redacted as text).'),
            }),
          )
          .optional(),
      }),
    ),
    records: z
      .object({
        agreements: z.array(z.object({ agreementId: z.uuid(), records: z.array(PackageRecordReply) })),
        referralStatistics: z.array(
          z.object({
            partnerId: z.uuid(),
            from: z.string(),
            to: z.string(),
            referrals: StatisticCell,
            workersReferred: StatisticCell,
            byStatus: z.record(z.string(), StatisticCell),
            byChannel: z.record(z.string(), StatisticCell),
          }),
        ),
        disclosureLedger: z.array(
          z.object({
            partnerId: z.uuid(),
            organization: z.string().nullable(),
            from: z.string(),
            to: z.string(),
            entries: z.array(PackageRecordReply),
          }),
        ),
      })
      .optional()
      .describe(
        "Only when the request names records besides cases: agreements with their parties' point people, referral statistics (counts of 1 to 4 withheld), disclosure ledgers; redacted like the cases.",
      ),
    redactionLog: z
      .array(
        z.object({
          n: z.int(),
          caseId: z.uuid().optional().describe("The case of the field; absent for a named record's."),
          record: z
            .object({ section: z.enum(FOIA_RECORD_SECTIONS), id: z.uuid() })
            .optional()
            .describe('The named record of the field (agreement, referral statistics, disclosure ledger).'),
          eventId: z.string().optional().describe('Absent for a withheld statistics count.'),
          path: z.string(),
          classification: z.string(),
          exemptions: z.array(z.string()),
          released: z.boolean(),
          kind: z.enum(TEXT_FINDING_KINDS).optional(),
          span: z.object({ start: z.int(), end: z.int() }).optional(),
          reason: z.string().optional(),
        }),
      )
      .describe(
        'Every withheld field, and every name or personal detail withheld inside a text (`kind`, `span`, `reason`; its `path` is `<field>@<start>-<end>`); `eventId` and `path` are what POST .../overrides takes.',
      ),
    exemptions: z.record(z.string(), z.string()),
    summary: z.object({ records: z.int(), withheld: z.int(), released: z.int() }),
  }),
);
export type FoiaPackageReply = z.infer<typeof FoiaPackageReply>;

/** A FOIA request: what was asked, each compilation, the redaction sets, overrides, the release. */
export const FoiaRequestViewReply = z.object({
  requestId: pub(z.uuid()),
  version: pub(z.int()),
  status: pub(z.enum(FOIA_STATUSES)),
  request: FoiaRequestReceived.schema,
  compilations: z.array(RecordsCompiled.schema),
  redactionSets: pub(
    z.array(
      z.object({ cutoff: z.string(), redactionLogSha256: z.string(), parts: z.int(), redactions: z.int() }),
    ),
  ),
  overrides: z.array(RedactionOverridden.schema),
  release: FoiaResponseReleased.schema
    .optional()
    .describe('The final release (while reprocessing, the earlier one, until a new final release).'),
  lifecycle: FoiaLifecycleReply,
  response: FoiaResponseReply.optional().describe('The final response, once made.'),
  ...FoiaAppealViewFields,
  clock: FoiaClockReply.extend({
    extended: pub(z.boolean()),
    tolling: FoiaClockTolled.schema.optional().describe('Why and since when the clock is stopped.'),
  }),
});
export type FoiaRequestViewReply = z.infer<typeof FoiaRequestViewReply>;

export const FoiaPackageResultReply = z.object({
  requestId: pub(z.uuid()),
  version: pub(z.int()).optional(),
  sha256: pub(z.string()).describe(
    'SHA-256 of the canonical JSON package: the same request and cut-off give the same digest.',
  ),
  htmlSha256: pub(z.string()),
  package: FoiaPackageReply,
  warnings: pub(z.array(z.string())).describe(
    'What to check before releasing: an empty package, or a requested case with no records at or before the cut-off (with the cut-off that would include it).',
  ),
});
export type FoiaPackageResultReply = z.infer<typeof FoiaPackageResultReply>;

export const HistoryPageReply = pageReply(HistoryEntryReply);
export const FoiaRequestPageReply = pageReply(FoiaRequestItemReply);
