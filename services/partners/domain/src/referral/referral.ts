import type {
  ConsentScope,
  PartnerType,
  ReferralDeclined,
  ReferralClosed,
  ReferralEvent,
  ReferralSubmitted,
} from '@lse/contracts';
import type { Decider } from '@lse/domain';
import {
  AlreadyExistsError,
  NotAllowedNowError,
  NotAPartyError,
  NotRegisteredError,
  UnknownMemberError,
} from '../errors';
import {
  decideDisclosure,
  type KnownAgreement,
  type MilestoneFacts,
  type WorkerConsent,
} from '../disclosure/policy';

/** The agreements the partner is party to, as loaded now, and today's date: what a disclosure needs. */
export interface DisclosureContext {
  agreements: KnownAgreement[];
  today: string;
}

export type ReferralCommand =
  | {
      type: 'SubmitReferral';
      referralId: string;
      /** The partner's registry entry as it stands: only an active partner refers. */
      partner: { partnerId: string; status: 'none' | 'active' | 'deactivated'; type?: PartnerType };
      referral: Omit<ReferralSubmitted, 'partnerId' | 'partnerType'>;
      /** The agreement the referral names (`referral.agreementId`), as loaded: its parties, or none if unknown. */
      namedAgreement?: { agreementId: string; partnerIds: readonly string[] };
    }
  | { type: 'ChangeConsent'; referralId: string; workerId: string; scopes: ConsentScope[]; now: string }
  /** Intake opened a case: accepted, and the case_opened milestone is decided at once. */
  | {
      type: 'AcceptReferral';
      referralId: string;
      now: string;
      facts: MilestoneFacts;
      context: DisclosureContext;
    }
  | { type: 'DeclineReferral'; referralId: string; now: string; reasonCode: ReferralDeclined['reasonCode'] }
  | {
      type: 'RecordMilestone';
      referralId: string;
      now: string;
      facts: MilestoneFacts;
      context: DisclosureContext;
    }
  | {
      type: 'CloseReferral';
      referralId: string;
      now: string;
      reason: ReferralClosed['reason'];
      /** The closing milestone, decided before the referral closes (absent: nothing to tell). */
      facts?: MilestoneFacts;
      context?: DisclosureContext;
    };

export type ReferralStatus = 'submitted' | 'accepted' | 'declined' | 'closed';
export interface Referral {
  partnerId: string;
  namedAgreementId?: string;
  workerIds: string[];
  /** Each worker's current consent and its version. */
  consents: Record<string, WorkerConsent>;
}
export type ReferralState = { status: 'none' } | { status: ReferralStatus; referral: Referral };

function existing(state: ReferralState, id: string) {
  if (state.status === 'none') throw new NotRegisteredError('referral', id);
  return state;
}

const sameScopes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((s) => b.includes(s));

function disclose(
  s: Exclude<ReferralState, { status: 'none' }>,
  facts: MilestoneFacts,
  ctx: DisclosureContext,
  now: string,
) {
  return decideDisclosure({
    partnerId: s.referral.partnerId,
    facts,
    agreements: ctx.agreements,
    namedAgreementId: s.referral.namedAgreementId,
    consents: s.referral.workerIds.map((id) => s.referral.consents[id]),
    today: ctx.today,
    now,
  });
}

export const referralDecider: Decider<ReferralCommand, ReferralEvent, ReferralState> = {
  initialState: { status: 'none' },
  decide(command, state): ReferralEvent[] {
    switch (command.type) {
      case 'SubmitReferral': {
        if (state.status !== 'none') throw new AlreadyExistsError('referral', command.referralId);
        const { partner } = command;
        if (partner.status === 'none' || !partner.type)
          throw new NotRegisteredError('partner', partner.partnerId);
        if (partner.status !== 'active')
          throw new NotAllowedNowError('The partner is deactivated.', 'partner_deactivated');
        // A partner names only an agreement it is a party to: another organization's would put its
        // disclosures under terms the referring partner never signed.
        const named = command.referral.agreementId;
        if (
          named !== undefined &&
          (command.namedAgreement?.agreementId !== named ||
            !command.namedAgreement.partnerIds.includes(partner.partnerId))
        )
          throw new NotAPartyError(named);
        return [
          {
            type: 'ReferralSubmitted',
            data: { partnerId: partner.partnerId, partnerType: partner.type, ...command.referral },
          },
        ];
      }
      case 'ChangeConsent': {
        const s = existing(state, command.referralId);
        const current = s.referral.consents[command.workerId];
        if (!current) throw new UnknownMemberError('worker', command.workerId);
        if (sameScopes(current.scopes, command.scopes)) return [];
        const base = { workerId: command.workerId, version: current.version + 1, recordedAt: command.now };
        if (command.scopes.length === 0) return [{ type: 'ConsentRevoked', data: base }];
        const widens = command.scopes.some((scope) => !current.scopes.includes(scope));
        return [
          { type: widens ? 'ConsentGranted' : 'ConsentNarrowed', data: { ...base, scopes: command.scopes } },
        ];
      }
      case 'AcceptReferral': {
        const s = existing(state, command.referralId);
        // Redelivered, or overtaken by a later decision: nothing to add.
        if (s.status !== 'submitted') return [];
        return [
          { type: 'ReferralAccepted', data: { acceptedAt: command.now } },
          disclose(s, command.facts, command.context, command.now),
        ];
      }
      case 'DeclineReferral': {
        const s = existing(state, command.referralId);
        if (s.status !== 'submitted') return [];
        return [
          { type: 'ReferralDeclined', data: { reasonCode: command.reasonCode, declinedAt: command.now } },
        ];
      }
      case 'RecordMilestone': {
        const s = existing(state, command.referralId);
        // A closed referral still hears its case's milestones: services react in their own time,
        // so the investigation can close after the collection case that closed the referral, and
        // every milestone the agreement covers is shared or withheld, whatever the order. Only a
        // declined referral (the agency took no case) has none.
        if (s.status === 'declined') return [];
        return [disclose(s, command.facts, command.context, command.now)];
      }
      case 'CloseReferral': {
        const s = existing(state, command.referralId);
        if (s.status === 'closed') return [];
        const milestone =
          command.facts && command.context && s.status !== 'declined'
            ? [disclose(s, command.facts, command.context, command.now)]
            : [];
        return [
          ...milestone,
          { type: 'ReferralClosed', data: { reason: command.reason, closedAt: command.now } },
        ];
      }
    }
  },
  evolve(state, event) {
    if (event.type === 'ReferralSubmitted') {
      const consents = Object.fromEntries(
        event.data.workers.map((w) => [
          w.workerId,
          { workerId: w.workerId, version: 1, scopes: [...w.consent.scopes] },
        ]),
      );
      return {
        status: 'submitted',
        referral: {
          partnerId: event.data.partnerId,
          ...(event.data.agreementId ? { namedAgreementId: event.data.agreementId } : {}),
          workerIds: event.data.workers.map((w) => w.workerId),
          consents,
        },
      };
    }
    if (state.status === 'none') return state;
    const setConsent = (workerId: string, version: number, scopes: ConsentScope[]) => ({
      ...state,
      referral: {
        ...state.referral,
        consents: { ...state.referral.consents, [workerId]: { workerId, version, scopes } },
      },
    });
    switch (event.type) {
      case 'ConsentGranted':
      case 'ConsentNarrowed':
        return setConsent(event.data.workerId, event.data.version, [...event.data.scopes]);
      case 'ConsentRevoked':
        return setConsent(event.data.workerId, event.data.version, []);
      case 'ReferralAccepted':
        return { ...state, status: 'accepted' };
      case 'ReferralDeclined':
        return { ...state, status: 'declined' };
      case 'ReferralClosed':
        return { ...state, status: 'closed' };
      default:
        return state; // disclosures change nothing the decider needs
    }
  },
};
