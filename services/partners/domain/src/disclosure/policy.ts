import type {
  DisclosedField,
  DisclosedFields,
  DisclosureWithheld,
  Milestone,
  StatusSharedWithPartner,
  WithholdingReason,
} from '@lse/contracts';
import { inForceOn, type AgreementState } from '../agreement/agreement';
import { fieldAllowed } from './matrix';

/** What the agency knows at a milestone of the referred case: every fact, before filtering. */
export interface MilestoneFacts {
  milestone: Milestone;
  fields: DisclosedFields;
}

export interface WorkerConsent {
  workerId: string;
  version: number;
  scopes: Array<'status' | 'outcome'>;
}

export interface KnownAgreement {
  agreementId: string;
  state: AgreementState;
}

export type DisclosureDecision =
  | { type: 'StatusSharedWithPartner'; data: StatusSharedWithPartner }
  | { type: 'DisclosureWithheld'; data: DisclosureWithheld };

type Governing =
  | { agreementId: string; clauseVersion: number; sharingLevel: StatusSharedWithPartner['sharingLevel'] }
  | { reason: WithholdingReason };

/**
 * The agreement that governs what the partner may hear today: one in force with the partner
 * as a party and referrals in its scope. The one the referral named wins when it qualifies;
 * otherwise the most recently effective (then the lowest id, so replicas agree).
 */
export function governingAgreement(
  partnerId: string,
  agreements: readonly KnownAgreement[],
  today: string,
  named?: string,
): Governing {
  const inForce = agreements.filter(
    (a) =>
      a.state.status !== 'none' && a.state.terms.partnerIds.includes(partnerId) && inForceOn(a.state, today),
  );
  if (inForce.length === 0) return { reason: 'no_active_agreement' };
  const forReferrals = inForce.filter(
    (a) => a.state.status !== 'none' && a.state.terms.scope.includes('referrals'),
  );
  if (forReferrals.length === 0) return { reason: 'agreement_excludes_referrals' };
  const terms = (a: KnownAgreement) => (a.state as Extract<AgreementState, { terms: unknown }>).terms;
  const chosen =
    forReferrals.find((a) => a.agreementId === named) ??
    [...forReferrals].sort(
      (a, b) =>
        terms(b).effectiveOn.localeCompare(terms(a).effectiveOn) ||
        a.agreementId.localeCompare(b.agreementId),
    )[0];
  const t = terms(chosen);
  return { agreementId: chosen.agreementId, clauseVersion: t.clauseVersion, sharingLevel: t.sharingLevel };
}

/**
 * What to tell the partner at a milestone: exactly the fields the governing agreement's sharing
 * level and every worker's CURRENT consent allow (DISCLOSURE_MATRIX), recorded with the agreement,
 * clause version and consent versions relied on; or, when nothing may go out, a withholding with
 * its reason, so the partner liaison can see why the partner heard nothing.
 */
export function decideDisclosure(input: {
  partnerId: string;
  facts: MilestoneFacts;
  agreements: readonly KnownAgreement[];
  namedAgreementId?: string;
  consents: readonly WorkerConsent[];
  today: string;
  now: string;
}): DisclosureDecision {
  const { partnerId, facts, consents, now } = input;
  const present = (Object.keys(facts.fields) as DisclosedField[]).filter(
    (f) => facts.fields[f] !== undefined,
  );
  const relied = consents.map((c) => ({ workerId: c.workerId, version: c.version, scopes: [...c.scopes] }));
  const governing = governingAgreement(partnerId, input.agreements, input.today, input.namedAgreementId);
  const withheld = (
    reason: WithholdingReason,
    terms: Partial<Extract<Governing, { agreementId: string }>> = {},
  ) =>
    ({
      type: 'DisclosureWithheld',
      data: {
        partnerId,
        milestone: facts.milestone,
        reason,
        withheldFields: present,
        ...terms,
        consents: relied,
        decidedAt: now,
      },
    }) as const;

  if ('reason' in governing) return withheld(governing.reason);
  if (governing.sharingLevel === 'none') return withheld('sharing_level_none', governing);
  if (consents.some((c) => c.scopes.length === 0)) return withheld('consent_revoked', governing);

  const scopes = consents.map((c) => c.scopes);
  const allowed = present.filter((f) => fieldAllowed(f, governing.sharingLevel, scopes));
  if (allowed.length === 0) return withheld('consent_does_not_cover', governing);
  const fields = Object.fromEntries(allowed.map((f) => [f, facts.fields[f]])) as DisclosedFields;
  return {
    type: 'StatusSharedWithPartner',
    data: {
      partnerId,
      milestone: facts.milestone,
      fields,
      withheldFields: present.filter((f) => !allowed.includes(f)),
      ...governing,
      consents: relied,
      sharedAt: now,
    },
  };
}
