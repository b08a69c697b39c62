import {
  AGREEMENT_CATEGORY,
  COLLECTION_CATEGORY,
  COMPLAINT_CATEGORY,
  INVESTIGATION_CATEGORY,
  OUTREACH_CATEGORY,
  PARTNER_CATEGORY,
  REFERRAL_CATEGORY,
  WAGE_RULES_CATEGORY,
  type AgreementEvent,
  type CollectionEvent,
  type ComplaintEvent,
  type InvestigationEvent,
  type OutreachEvent,
  type PartnerEvent,
  type ReferralEvent,
  type WageRulesEvent,
} from '@lse/contracts';
import { AUDIT_REPLAYERS, replayer, type AnyReplayer } from '@lse/audit-domain';
import {
  evolve as evolveCollection,
  initialCollectionState,
  type CollectionState,
} from '@lse/collections-domain';
import {
  evolve as evolveComplaint,
  initialState as initialComplaint,
  type ComplaintState,
} from '@lse/intake-domain';
import {
  evolve as evolveInvestigation,
  initialState as initialInvestigation,
  ruleSetCatalogDecider,
  type InvestigationState,
  type RuleSetCatalogState,
} from '@lse/investigation-domain';
import {
  agreementDecider,
  outreachDecider,
  partnerDecider,
  referralDecider,
  type AgreementState,
  type OutreachState,
  type PartnerState,
  type ReferralState,
} from '@lse/partners-domain';

const CLOSED_COMPLAINT: ReadonlySet<ComplaintState['status']> = new Set([
  'declined',
  'withdrawn',
  'referred_out',
  'duplicate',
]);

/**
 * Every stream category and the decider audit replays it with (the owning service's pure domain
 * package). A category registered in libs/contracts without an entry here fails
 * `replayers.spec.ts`, so a new service's streams cannot silently drop out of "state as of".
 */
export const REPLAYERS: ReadonlyMap<string, AnyReplayer> = new Map(
  [
    replayer<ComplaintState, ComplaintEvent>({
      category: COMPLAINT_CATEGORY,
      source: '@lse/intake-domain',
      initialState: initialComplaint,
      evolve: evolveComplaint,
      stage: 1,
      closesCase: (state) => CLOSED_COMPLAINT.has(state.status),
    }),
    replayer<InvestigationState, InvestigationEvent>({
      category: INVESTIGATION_CATEGORY,
      source: '@lse/investigation-domain',
      initialState: initialInvestigation,
      evolve: evolveInvestigation,
      stage: 2,
      closesCase: (state) => state.status === 'closed',
    }),
    replayer<CollectionState, CollectionEvent>({
      category: COLLECTION_CATEGORY,
      source: '@lse/collections-domain',
      initialState: initialCollectionState,
      evolve: evolveCollection,
      stage: 3,
      closesCase: (state) => state.status === 'closed',
    }),
    replayer<PartnerState, PartnerEvent>({
      category: PARTNER_CATEGORY,
      source: '@lse/partners-domain',
      initialState: partnerDecider.initialState,
      evolve: (s, e) => partnerDecider.evolve(s, e),
    }),
    replayer<AgreementState, AgreementEvent>({
      category: AGREEMENT_CATEGORY,
      source: '@lse/partners-domain',
      initialState: agreementDecider.initialState,
      evolve: (s, e) => agreementDecider.evolve(s, e),
    }),
    replayer<ReferralState, ReferralEvent>({
      category: REFERRAL_CATEGORY,
      source: '@lse/partners-domain',
      initialState: referralDecider.initialState,
      evolve: (s, e) => referralDecider.evolve(s, e),
    }),
    replayer<OutreachState, OutreachEvent>({
      category: OUTREACH_CATEGORY,
      source: '@lse/partners-domain',
      initialState: outreachDecider.initialState,
      evolve: (s, e) => outreachDecider.evolve(s, e),
    }),
    // Back-wage rule-set versions: no case's records, but part of "state as of" like any stream.
    replayer<RuleSetCatalogState, WageRulesEvent>({
      category: WAGE_RULES_CATEGORY,
      source: '@lse/investigation-domain',
      initialState: ruleSetCatalogDecider.initialState,
      evolve: (s, e) => ruleSetCatalogDecider.evolve(s, e),
    }),
    ...AUDIT_REPLAYERS,
  ].map((r) => [r.category, r]),
);

/** Audit's own categories (access logs, FOIA, checkpoints): never part of a case's records. */
export const AUDIT_OWN_CATEGORIES: ReadonlySet<string> = new Set(AUDIT_REPLAYERS.map((r) => r.category));
