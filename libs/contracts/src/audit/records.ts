import { z } from 'zod';
import { pub } from '../classification';
import { isoDate, uuid } from '../fields';

/*
 * Records a public-records request can name besides cases (docs/architecture.md#audit): the
 * partners service's agreements, statistics of a partner's referrals, and its disclosure ledger.
 * Each is gathered from the event store as of the package's cut-off and redacted by the same
 * field classifications as a case's records.
 */

/** The sections of a package that hold such records, in package order. */
export const FOIA_RECORD_SECTIONS = ['agreements', 'referral_statistics', 'disclosure_ledger'] as const;
export type FoiaRecordSection = (typeof FOIA_RECORD_SECTIONS)[number];

/** A calendar period, both days included (the office's dates, as referrals and disclosures carry them). */
const period = {
  from: pub(isoDate()),
  to: pub(isoDate()),
};

/**
 * One record named in a request. Ids and periods are the agency's own identifiers of its
 * agreements and partner organizations (public registry entries), so every field is public.
 */
export const FoiaRecordRequestSchema = z
  .discriminatedUnion('kind', [
    // One agreement, by id.
    z.strictObject({ kind: pub(z.literal('agreement')), agreementId: pub(uuid()) }),
    // Every agreement a partner organization is a party to (as of the cut-off).
    z.strictObject({ kind: pub(z.literal('partner_agreements')), partnerId: pub(uuid()) }),
    // Counts of the partner's referrals submitted in the period: aggregates, no worker data.
    z.strictObject({ kind: pub(z.literal('referral_statistics')), partnerId: pub(uuid()), ...period }),
    // What went to the partner in the period, under which clause and consent version.
    z.strictObject({ kind: pub(z.literal('disclosure_ledger')), partnerId: pub(uuid()), ...period }),
  ])
  .refine((r) => !('from' in r) || r.from <= r.to, { message: 'from must not be after to', path: ['to'] });
export type FoiaRecordRequest = z.infer<typeof FoiaRecordRequestSchema>;
export type FoiaRecordKind = FoiaRecordRequest['kind'];

/** What identifies a named record: two names of the same record would answer it twice. */
export const foiaRecordKey = (r: FoiaRecordRequest): string =>
  r.kind === 'agreement' ? `agreement:${r.agreementId}` : `${r.kind}:${r.partnerId}`;

/** The section of a package a named record is answered in. */
export const foiaRecordSection = (r: FoiaRecordRequest): FoiaRecordSection =>
  r.kind === 'agreement' || r.kind === 'partner_agreements' ? 'agreements' : r.kind;

export const MAX_FOIA_RECORDS = 50;

/** The records of a request: at most 50, none named twice. */
export const foiaRecordList = () =>
  z
    .array(FoiaRecordRequestSchema)
    .max(MAX_FOIA_RECORDS)
    .superRefine((records, ctx) => {
      const seen = new Set<string>();
      records.forEach((r, i) => {
        const key = foiaRecordKey(r);
        if (seen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `${key} is named twice: name each record once`,
          });
        seen.add(key);
      });
    });

/** A request names at least one case or one record. */
export const NAMES_SOMETHING = {
  check: (r: { caseIds: readonly string[]; records?: readonly unknown[] }) =>
    r.caseIds.length > 0 || (r.records?.length ?? 0) > 0,
  message:
    'name at least one case (caseIds) or one record (records: an agreement, referral statistics or a disclosure ledger)',
};
