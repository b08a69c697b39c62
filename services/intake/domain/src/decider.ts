import type { ComplaintEvent } from '@lse/contracts';
import { utcDateOf, type Decider } from '@lse/domain';
import type { ComplaintCommand } from './commands';
import {
  CaseAlreadyOpenedError,
  ComplaintAlreadyReceivedError,
  ComplaintClosedError,
  ComplaintNotFoundError,
  OutOfJurisdictionError,
  ReceivedInFutureError,
  TriageRequiredError,
  UnknownStatuteError,
} from './errors';
import { assessLimitations } from './limitations';
import { decideLink, evolveLink } from './linking';
import { DEFAULT_POLICY, type IntakePolicy } from './policy';
import { initialState, type Complaint, type ComplaintState } from './state';
import { scoreTriage } from './triage';

/** Clocks of hotline phones and partners drift; a receivedAt this far ahead is still accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The complaint while intake may still work on it; any other state refuses the command. */
function inIntake(state: ComplaintState, caseId: string): Complaint {
  switch (state.status) {
    case 'received':
      return state.complaint;
    case 'none':
      throw new ComplaintNotFoundError(caseId);
    case 'opened':
      throw new CaseAlreadyOpenedError(state.caseNumber);
    default:
      throw new ComplaintClosedError(state.status);
  }
}

/** Today's date for limitation arithmetic, from the command's instant (UTC calendar date). */
const todayOf = (now: string) => utcDateOf(new Date(now));

export function decide(
  policy: IntakePolicy,
  command: ComplaintCommand,
  state: ComplaintState,
): ComplaintEvent[] {
  switch (command.type) {
    case 'ReceiveComplaint': {
      if (state.status !== 'none') throw new ComplaintAlreadyReceivedError(command.caseId);
      if (Date.parse(command.complaint.receivedAt) > Date.parse(command.now) + CLOCK_SKEW_MS) {
        throw new ReceivedInFutureError();
      }
      return [{ type: 'ComplaintReceived', data: command.complaint }];
    }
    case 'AmendComplaint':
      inIntake(state, command.caseId);
      return [{ type: 'ComplaintAmended', data: command.amendment }];
    case 'AssessJurisdiction':
      inIntake(state, command.caseId);
      return [{ type: 'JurisdictionAssessed', data: command.assessment }];
    case 'AssessLimitations': {
      const complaint = inIntake(state, command.caseId);
      const rule = policy.limitationPeriods[command.statute];
      if (!rule) throw new UnknownStatuteError(command.statute, Object.keys(policy.limitationPeriods));
      const data = assessLimitations({
        allegations: complaint.allegations,
        statute: command.statute,
        rule,
        willful: command.willful,
        today: todayOf(command.now),
      });
      return [{ type: 'LimitationsAssessed', data }];
    }
    case 'ScoreTriage': {
      const complaint = inIntake(state, command.caseId);
      const data = scoreTriage({
        complaint,
        priorCases: command.priorCases,
        resourceIntensity: command.resourceIntensity,
        targetedIndustries: policy.targetedIndustries,
      });
      return [{ type: 'TriageScored', data }];
    }
    case 'LinkDuplicate':
    case 'AttachDuplicate':
    case 'LinkRelated':
    case 'RecordRelatedLink':
    case 'MergeComplaint':
    case 'ReceiveMergedComplaint':
      return decideLink(command, state);
    case 'ReferOut':
      // A case already opened can still be cross-filed (e.g. with OSHA); handing it over cannot.
      if (!(state.status === 'opened' && command.referral.crossFiled)) inIntake(state, command.caseId);
      return [{ type: 'ComplaintReferredOut', data: command.referral }];
    case 'Decline':
      inIntake(state, command.caseId);
      return [{ type: 'ComplaintDeclined', data: command.decline }];
    case 'Withdraw':
      inIntake(state, command.caseId);
      return [{ type: 'ComplaintWithdrawn', data: command.withdrawal }];
    case 'OpenCase': {
      const complaint = inIntake(state, command.caseId);
      if (complaint.jurisdiction && !complaint.jurisdiction.inJurisdiction)
        throw new OutOfJurisdictionError();
      if (!complaint.triage) throw new TriageRequiredError();
      return [
        {
          type: 'CaseOpened',
          data: {
            caseNumber: command.caseNumber,
            priority: complaint.triage.priority,
            office: command.office ?? complaint.office,
            openedAt: command.now,
          },
        },
      ];
    }
  }
}

/** Folds one event. Events that cannot apply to the state leave it as it is (never thrown on replay). */
export function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  if (event.type === 'ComplaintReceived') {
    if (state.status !== 'none') return state;
    const { complainants, employer, allegations, ...rest } = event.data;
    return {
      status: 'received',
      complaint: { ...rest, complainants, employer, allegations, crossFilings: [] },
    };
  }
  if (state.status === 'none') return state;
  const complaint = state.complaint;
  switch (event.type) {
    case 'ComplaintAmended': {
      const { complainants, employer, allegations } = event.data.changes;
      return {
        ...state,
        complaint: {
          ...complaint,
          ...(complainants ? { complainants } : {}),
          ...(employer ? { employer } : {}),
          ...(allegations ? { allegations } : {}),
        },
      };
    }
    case 'JurisdictionAssessed':
      return { ...state, complaint: { ...complaint, jurisdiction: event.data } };
    case 'LimitationsAssessed':
      return { ...state, complaint: { ...complaint, limitations: event.data } };
    case 'TriageScored':
      return { ...state, complaint: { ...complaint, triage: event.data } };
    case 'DuplicateLinked':
      return { status: 'duplicate', complaint, duplicateOfCaseId: event.data.duplicateOfCaseId };
    case 'ComplaintReferredOut':
      return event.data.crossFiled
        ? { ...state, complaint: { ...complaint, crossFilings: [...complaint.crossFilings, event.data] } }
        : { status: 'referred_out', complaint, referral: event.data };
    case 'ComplaintDeclined':
      return { status: 'declined', complaint, decline: event.data };
    case 'ComplaintWithdrawn':
      return { status: 'withdrawn', complaint };
    case 'DuplicateAttached':
    case 'RelatedCaseLinked':
    case 'ComplaintMerged':
    case 'ComplaintMergedIn':
      return evolveLink(state, event);
    case 'CaseOpened':
      return {
        status: 'opened',
        complaint,
        caseNumber: event.data.caseNumber,
        priority: event.data.priority,
        office: event.data.office,
        openedAt: event.data.openedAt,
      };
  }
}

/** The complaint decider for a policy (rule tables from configuration). */
export function complaintDecider(
  policy: IntakePolicy = DEFAULT_POLICY,
): Decider<ComplaintCommand, ComplaintEvent, ComplaintState> {
  return { decide: (command, state) => decide(policy, command, state), evolve, initialState };
}
