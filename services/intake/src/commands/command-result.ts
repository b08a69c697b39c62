import type { ComplaintCommandReply, ComplaintEvent } from '@lse/contracts';
import type { ComplaintState } from '@lse/intake-domain';
import type { CommandOutcome } from '@lse/service-kit';

/** What a command replies: the new stream version (the next ETag) and what the caller asked for. */
export type CommandResult = ComplaintCommandReply;

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
