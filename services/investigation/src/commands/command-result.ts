import type { InvestigationEvent } from '@lse/contracts';
import type { InvestigationState } from '@lse/investigation-domain';
import type { CommandOutcome } from '@lse/service-kit';

/** What a command replies: the new stream version (the next ETag), what was appended, and its ids. */
export interface CommandResult {
  caseId: string;
  version: number;
  status: InvestigationState['status'];
  /** The events the command appended, by type. */
  events: string[];
  /** The id the command created (evidence, record set, computation, determination...), when it did. */
  id?: string;
  /** The appended events' data where the caller needs it (figures, digests): no interview content. */
  result?: Record<string, unknown>;
  /** True when this was a retry of a command already applied: nothing new was written. */
  replayed: boolean;
}

const ID_FIELD: Partial<Record<InvestigationEvent['type'], string>> = {
  EmployerAdded: 'employerId',
  InterviewRecorded: 'interviewId',
  RecordsRequested: 'requestId',
  SubpoenaIssued: 'subpoenaId',
  EvidenceAttached: 'evidenceId',
  HoursAndWagesRecorded: 'recordSetId',
  BackWagesComputed: 'computationId',
  ViolationFound: 'violationId',
  RetaliationConcernFlagged: 'concernId',
  ImmigrationSupportLetterRequested: 'letterId',
  CivilPenaltyAssessed: 'penaltyId',
  DeterminationProposed: 'determinationId',
  DeterminationApproved: 'determinationId',
  DeterminationIssued: 'determinationId',
};

/** Events whose data the reply carries in full (figures the caller acts on). */
const ECHOED = new Set<InvestigationEvent['type']>([
  'EvidenceAttached',
  'DeterminationProposed',
  'DeterminationIssued',
  'InvestigatorAssigned',
]);

export function commandResult(
  caseId: string,
  { version, state, events, replayed }: CommandOutcome<InvestigationEvent, InvestigationState>,
): CommandResult {
  const result: CommandResult = {
    caseId,
    version,
    status: state.status,
    events: events.map((e) => e.type),
    // A command that decided nothing new (its effect already there) wrote nothing: as a retry.
    replayed: replayed || events.length === 0,
  };
  for (const event of events) {
    const field = ID_FIELD[event.type];
    if (field) result.id = (event.data as Record<string, string>)[field];
    if (event.type === 'BackWagesComputed') result.result = computationReply(event.data, events);
    else if (ECHOED.has(event.type)) result.result = event.data;
  }
  return result;
}

/** Workers whose figures a computation's reply lists; the trace pages give every worker's. */
export const REPLY_WORKERS = 1000;

/**
 * A computation's reply: its figures per worker without the per-week rows, for the first
 * REPLY_WORKERS workers, so that the reply of a payroll of any size fits one NATS message (the
 * weeks are in the events, and the trace route pages through every worker and week).
 */
function computationReply(
  header: Extract<InvestigationEvent, { type: 'BackWagesComputed' }>['data'],
  events: InvestigationEvent[],
): Record<string, unknown> {
  const { workers: first, figureEvents: _parts, ...rest } = header;
  const workers = [...first];
  for (const e of events)
    if (e.type === 'BackWageFiguresContinued' && e.data.computationId === header.computationId)
      workers.push(...e.data.workers);
  return {
    ...rest,
    workerCount: workers.length,
    workers: workers.slice(0, REPLY_WORKERS).map(({ weeks, ...w }) => ({ ...w, weeks: weeks.length })),
  };
}
