import { Inject, Injectable } from '@nestjs/common';
import { complaintEventOf, complaintStreamId } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import { SealedEventStore } from '@lse/crypto-shred';
import type { ComplaintCommand } from '@lse/intake-domain';
import { appendReaction, Metrics, StreamCommands } from '@lse/service-kit';
import { COMPLAINT_DECIDER, type ComplaintDecider } from '../../tokens';

/** Link events recorded on one case that the other case records too. */
export const LINK_EVENT_TYPES = ['DuplicateLinked', 'RelatedCaseLinked', 'ComplaintMerged'] as const;

const REACTION = 'intake.case-link';

/**
 * The other side of a link between cases: the surviving case records a duplicate linked to it
 * (DuplicateAttached) or a complaint merged into it (ComplaintMergedIn, with its complainants and
 * allegations), and a related case records the link back (RelatedCaseLinked, reciprocal). Run by
 * the request that made the link, and again by the reaction to its event over JetStream should
 * that request have stopped in between: the event ids derive from the link event's id
 * (appendReaction), so the second run writes nothing. The record names the person who made the link.
 */
@Injectable()
export class CaseLinkMirror {
  constructor(
    private readonly store: SealedEventStore,
    private readonly commands: StreamCommands,
    @Inject(COMPLAINT_DECIDER) private readonly decider: ComplaintDecider,
    private readonly metrics: Metrics,
  ) {}

  async mirror(cause: RecordedEvent, now: string): Promise<void> {
    const caseId = cause.metadata.caseId ?? cause.streamId.slice(cause.streamId.indexOf('-') + 1);
    const command = await this.commandFor(cause, caseId, now);
    if (!command) return;
    await appendReaction({
      store: this.store,
      decider: this.decider,
      metrics: this.metrics,
      cause,
      name: REACTION,
      streamId: complaintStreamId(command.caseId),
      sourceService: 'intake',
      now,
      caseId: command.caseId,
      actor: cause.metadata.actor,
      command: () => command,
    });
  }

  private async commandFor(
    cause: RecordedEvent,
    caseId: string,
    now: string,
  ): Promise<ComplaintCommand | undefined> {
    const event = complaintEventOf(cause);
    switch (event.type) {
      case 'DuplicateLinked':
        return {
          type: 'AttachDuplicate',
          caseId: event.data.duplicateOfCaseId,
          now,
          duplicateCaseId: caseId,
          reason: event.data.reason,
        };
      case 'RelatedCaseLinked':
        // The record back is itself a RelatedCaseLinked: it is not mirrored again.
        if (event.data.reciprocal) return undefined;
        return {
          type: 'RecordRelatedLink',
          caseId: event.data.relatedCaseId,
          now,
          relatedCaseId: caseId,
          reason: event.data.reason,
        };
      case 'ComplaintMerged': {
        const { state } = await this.commands.load(this.decider, complaintStreamId(caseId));
        if (state.status === 'none') return undefined;
        return {
          type: 'ReceiveMergedComplaint',
          caseId: event.data.intoCaseId,
          now,
          fromCaseId: caseId,
          reason: event.data.reason,
          merged: state.complaint,
        };
      }
      default:
        return undefined;
    }
  }
}
