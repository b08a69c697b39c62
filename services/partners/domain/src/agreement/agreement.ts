import type { AgreementAmended, AgreementDrafted, AgreementEvent } from '@lse/contracts';
import type { Decider, IsoDate } from '@lse/domain';
import { AlreadyExistsError, InvalidDateError, NotAllowedNowError, NotRegisteredError } from '../errors';

/** An agreement's terms as they stand, with the version of its clauses (drafted = 1). */
export type AgreementTerms = AgreementDrafted & { clauseVersion: number };

export type AgreementCommand =
  | { type: 'DraftAgreement'; agreementId: string; draft: AgreementDrafted }
  | { type: 'SignAgreement'; agreementId: string; signedOn: IsoDate; signatories: string[]; today: IsoDate }
  | {
      type: 'AmendAgreement';
      agreementId: string;
      amendedOn: IsoDate;
      changes: AgreementAmended['changes'];
      summary: string;
    }
  | { type: 'RenewAgreement'; agreementId: string; renewedOn: IsoDate; expiresOn: IsoDate }
  /** The scheduled check: appends AgreementExpired once the expiry date is reached, else nothing. */
  | { type: 'ExpireAgreement'; agreementId: string; today: IsoDate }
  | { type: 'TerminateAgreement'; agreementId: string; terminatedOn: IsoDate; reason: string };

export type AgreementStatus = 'drafted' | 'active' | 'expired' | 'terminated';
export type AgreementState =
  { status: 'none' } | { status: AgreementStatus; terms: AgreementTerms; signedOn?: string };

/**
 * In force on `date`: signed, not terminated, and effectiveOn <= date < expiresOn. The dates
 * decide, not only the AgreementExpired event, so sharing stops on the expiry date even before the
 * scheduled check has recorded the expiry.
 */
export function inForceOn(state: AgreementState, date: string): boolean {
  return state.status === 'active' && state.terms.effectiveOn <= date && date < state.terms.expiresOn;
}

function existing(state: AgreementState, id: string) {
  if (state.status === 'none') throw new NotRegisteredError('agreement', id);
  return state;
}

function only(state: AgreementState, id: string, allowed: AgreementStatus[], action: string) {
  const s = existing(state, id);
  if (!allowed.includes(s.status))
    throw new NotAllowedNowError(`A ${s.status} agreement cannot be ${action}.`, `agreement_${s.status}`, {
      status: s.status,
    });
  return s;
}

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  initialState: { status: 'none' },
  decide(command, state): AgreementEvent[] {
    switch (command.type) {
      case 'DraftAgreement':
        if (state.status !== 'none') throw new AlreadyExistsError('agreement', command.agreementId);
        return [{ type: 'AgreementDrafted', data: command.draft }];
      case 'SignAgreement': {
        const s = only(state, command.agreementId, ['drafted'], 'signed');
        if (command.signedOn > command.today)
          throw new InvalidDateError('signedOn', 'is in the future', 'signed_in_future');
        if (s.terms.expiresOn <= command.today)
          throw new NotAllowedNowError(
            'The agreement would expire before it is signed.',
            'already_past_expiry',
          );
        return [
          { type: 'AgreementSigned', data: { signedOn: command.signedOn, signatories: command.signatories } },
        ];
      }
      case 'AmendAgreement': {
        const s = only(state, command.agreementId, ['drafted', 'active'], 'amended');
        const expiresOn = command.changes.expiresOn;
        if (expiresOn !== undefined && expiresOn <= s.terms.effectiveOn)
          throw new InvalidDateError(
            'changes.expiresOn',
            'must be after the effective date',
            'expiry_before_effective',
          );
        if (expiresOn !== undefined && expiresOn < command.amendedOn)
          throw new InvalidDateError(
            'changes.expiresOn',
            'is before the amendment',
            'expiry_before_amendment',
          );
        return [
          {
            type: 'AgreementAmended',
            data: {
              clauseVersion: s.terms.clauseVersion + 1,
              amendedOn: command.amendedOn,
              changes: command.changes,
              summary: command.summary,
            },
          },
        ];
      }
      case 'RenewAgreement': {
        // A lapsed letter of arrangement is often renewed late: the gap stays on the record.
        const s = only(state, command.agreementId, ['active', 'expired'], 'renewed');
        if (command.expiresOn <= s.terms.expiresOn || command.expiresOn <= command.renewedOn)
          throw new InvalidDateError(
            'expiresOn',
            'must be after the current expiry and the renewal',
            'renewal_not_later',
          );
        return [
          {
            type: 'AgreementRenewed',
            data: {
              renewedOn: command.renewedOn,
              previousExpiresOn: s.terms.expiresOn,
              expiresOn: command.expiresOn,
            },
          },
        ];
      }
      case 'ExpireAgreement':
        if (state.status !== 'active' || command.today < state.terms.expiresOn) return [];
        return [
          { type: 'AgreementExpired', data: { expiresOn: state.terms.expiresOn, recordedOn: command.today } },
        ];
      case 'TerminateAgreement':
        only(state, command.agreementId, ['drafted', 'active'], 'terminated');
        return [
          {
            type: 'AgreementTerminated',
            data: { terminatedOn: command.terminatedOn, reason: command.reason },
          },
        ];
    }
  },
  evolve(state, event) {
    if (event.type === 'AgreementDrafted')
      return { status: 'drafted', terms: { ...event.data, clauseVersion: 1 } };
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'AgreementSigned':
        return { ...state, status: 'active', signedOn: event.data.signedOn };
      case 'AgreementAmended': {
        const changes = Object.fromEntries(
          Object.entries(event.data.changes).filter(([, v]) => v !== undefined),
        );
        return { ...state, terms: { ...state.terms, ...changes, clauseVersion: event.data.clauseVersion } };
      }
      case 'AgreementRenewed':
        return { ...state, status: 'active', terms: { ...state.terms, expiresOn: event.data.expiresOn } };
      case 'AgreementExpired':
        return { ...state, status: 'expired' };
      case 'AgreementTerminated':
        return { ...state, status: 'terminated' };
    }
  },
};
