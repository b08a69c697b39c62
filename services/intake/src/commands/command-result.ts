import type { ComplaintEvent, LimitationsAssessed, TriageScored } from '@lse/contracts';
import type { ComplaintState } from '@lse/intake-domain';
import type { CommandOutcome } from '@lse/service-kit';

/** What a command replies: the new stream version (the next ETag) and what the caller asked for. */
export interface CommandResult {
  caseId: string;
  version: number;
  status: ComplaintState['status'];
  /** The events the command appended, by type. */
  events: string[];
  triage?: TriageScored;
  limitations?: LimitationsAssessed;
  case?: { caseNumber: string; priority: string; office: string; openedAt: string };
  /** True when this was a retry of a command already applied: nothing new was written. */
  replayed: boolean;
}

export function commandResult(
  caseId: string,
  { version, state, events, replayed }: CommandOutcome<ComplaintEvent, ComplaintState>,
): CommandResult {
  const result: CommandResult = {
    caseId,
    version,
    status: state.status,
    events: events.map((e) => e.type),
    replayed,
  };
  for (const event of events) {
    if (event.type === 'TriageScored') result.triage = event.data;
    if (event.type === 'LimitationsAssessed') result.limitations = event.data;
    if (event.type === 'CaseOpened') result.case = event.data;
  }
  return result;
}
