import type { ComplaintEvent } from '@lse/contracts';
import type { ComplaintCommand, LinkTarget } from './commands';
import {
  AlreadyRelatedError,
  CaseAlreadyOpenedError,
  ComplaintClosedError,
  ComplaintNotFoundError,
  LinkTargetClosedError,
  LinkTargetNotFoundError,
  SelfDuplicateError,
  SelfLinkError,
} from './errors';
import type { CaseLink, Complaint, ComplaintState } from './state';

/*
 * Links between cases: a duplicate (closes this complaint, recorded on the surviving case too), a
 * related case (both stay open, recorded on both) and a merge (closes this complaint; its
 * complainants and allegations move to the surviving case, with a record on both). The record on
 * the other case is a command of its own (AttachDuplicate, RecordRelatedLink,
 * ReceiveMergedComplaint) that intake runs right after, and again from the event over JetStream.
 */

type LinkCommand = Extract<
  ComplaintCommand,
  {
    type:
      | 'LinkDuplicate'
      | 'AttachDuplicate'
      | 'LinkRelated'
      | 'RecordRelatedLink'
      | 'MergeComplaint'
      | 'ReceiveMergedComplaint';
  }
>;

const LINK_COMMANDS = new Set<string>([
  'LinkDuplicate',
  'AttachDuplicate',
  'LinkRelated',
  'RecordRelatedLink',
  'MergeComplaint',
  'ReceiveMergedComplaint',
]);
export const isLinkCommand = (command: ComplaintCommand): command is LinkCommand =>
  LINK_COMMANDS.has(command.type);

/** Received or opened: a case others can be linked to, and that can take a link. */
function linkable(state: ComplaintState, caseId: string): Complaint {
  if (state.status === 'none') throw new ComplaintNotFoundError(caseId);
  if (state.status === 'received' || state.status === 'opened') return state.complaint;
  throw new ComplaintClosedError(state.status);
}

/** Still in intake (received): only then may a complaint close as a duplicate or be merged away. */
function inIntake(state: ComplaintState, caseId: string): Complaint {
  if (state.status === 'opened') throw new CaseAlreadyOpenedError(state.caseNumber);
  if (state.status !== 'received') return linkable(state, caseId);
  return state.complaint;
}

/** The case named exists and is not closed itself. */
function checkTarget(caseId: string, target: LinkTarget, field: string): void {
  if (target.caseId.toLowerCase() === caseId.toLowerCase())
    throw field === 'duplicateOfCaseId' ? new SelfDuplicateError() : new SelfLinkError(field);
  if (target.status === 'none') throw new LinkTargetNotFoundError(field, target.caseId);
  if (target.status !== 'received' && target.status !== 'opened')
    throw new LinkTargetClosedError(field, target.status);
}

const linked = (complaint: Complaint, kind: CaseLink['kind'], caseId: string) =>
  (complaint.links ?? []).some((l) => l.kind === kind && l.caseId === caseId);

export function decideLink(command: LinkCommand, state: ComplaintState): ComplaintEvent[] {
  switch (command.type) {
    case 'LinkDuplicate':
      inIntake(state, command.caseId);
      checkTarget(command.caseId, command.target, 'duplicateOfCaseId');
      return [{ type: 'DuplicateLinked', data: command.link }];
    case 'AttachDuplicate': {
      const complaint = linkable(state, command.caseId);
      if (linked(complaint, 'duplicate', command.duplicateCaseId)) return [];
      return [
        {
          type: 'DuplicateAttached',
          data: { duplicateCaseId: command.duplicateCaseId, reason: command.reason },
        },
      ];
    }
    case 'LinkRelated': {
      const complaint = linkable(state, command.caseId);
      checkTarget(command.caseId, command.target, 'relatedCaseId');
      if (linked(complaint, 'related', command.link.relatedCaseId))
        throw new AlreadyRelatedError(command.link.relatedCaseId);
      return [{ type: 'RelatedCaseLinked', data: { ...command.link, reciprocal: false } }];
    }
    case 'RecordRelatedLink': {
      const complaint = linkable(state, command.caseId);
      if (linked(complaint, 'related', command.relatedCaseId)) return [];
      return [
        {
          type: 'RelatedCaseLinked',
          data: { relatedCaseId: command.relatedCaseId, reason: command.reason, reciprocal: true },
        },
      ];
    }
    case 'MergeComplaint':
      inIntake(state, command.caseId);
      checkTarget(command.caseId, command.target, 'intoCaseId');
      return [{ type: 'ComplaintMerged', data: command.merge }];
    case 'ReceiveMergedComplaint': {
      const complaint = linkable(state, command.caseId);
      if (linked(complaint, 'merged_in', command.fromCaseId)) return [];
      return [
        {
          type: 'ComplaintMergedIn',
          data: {
            fromCaseId: command.fromCaseId,
            reason: command.reason,
            complainants: command.merged.complainants,
            allegations: command.merged.allegations,
          },
        },
      ];
    }
  }
}

type LinkEvent = Extract<
  ComplaintEvent,
  { type: 'DuplicateAttached' | 'RelatedCaseLinked' | 'ComplaintMerged' | 'ComplaintMergedIn' }
>;

/** Folds a link event; a closed complaint takes none (never thrown on replay). */
export function evolveLink(state: ComplaintState, event: LinkEvent): ComplaintState {
  if (state.status !== 'received' && state.status !== 'opened') return state;
  const complaint = state.complaint;
  const link = (kind: CaseLink['kind'], caseId: string, reason: string): Complaint => ({
    ...complaint,
    links: [...(complaint.links ?? []), { kind, caseId, reason }],
  });
  switch (event.type) {
    case 'DuplicateAttached':
      return { ...state, complaint: link('duplicate', event.data.duplicateCaseId, event.data.reason) };
    case 'RelatedCaseLinked':
      return { ...state, complaint: link('related', event.data.relatedCaseId, event.data.reason) };
    case 'ComplaintMerged':
      return { status: 'merged', complaint, mergedIntoCaseId: event.data.intoCaseId };
    case 'ComplaintMergedIn': {
      const withLink = link('merged_in', event.data.fromCaseId, event.data.reason);
      return {
        ...state,
        complaint: {
          ...withLink,
          complainants: [...complaint.complainants, ...event.data.complainants],
          allegations: [...complaint.allegations, ...event.data.allegations],
        },
      };
    }
  }
}
