import { Injectable } from '@nestjs/common';
import type { ComplaintEvent } from '@lse/contracts';
import { reactionEventId } from '@lse/domain';
import type { ComplaintCommand } from '@lse/intake-domain';
import type { ServiceActor } from '@lse/service-kit';
import { ComplaintCommands } from '../../commands/complaint-commands.service';

/** Link events recorded on one case that the other case records too. */
export const LINK_EVENT_TYPES = ['DuplicateLinked', 'RelatedCaseLinked', 'ComplaintMerged'] as const;

const REACTION = 'intake.case-link';

export interface LinkCause {
  eventId: string;
  caseId: string;
  event: ComplaintEvent;
}

/**
 * The other side of a link between cases: the surviving case records a duplicate linked to it
 * (DuplicateAttached) or a complaint merged into it (ComplaintMergedIn, with its complainants and
 * allegations), and a related case records the link back (RelatedCaseLinked, reciprocal). Run by
 * the request that made the link, and again by the reaction to its event over JetStream should
 * that request have stopped in between: the command id, hence the event ids, derive from the
 * link event's id, so the second run writes nothing.
 */
@Injectable()
export class CaseLinkMirror {
  constructor(private readonly commands: ComplaintCommands) {}

  async mirror(
    cause: LinkCause,
    ctx: { actor: ServiceActor; correlationId: string; now: string },
  ): Promise<void> {
    const command = await this.commandFor(cause, ctx.now);
    if (!command) return;
    await this.commands.run(
      {
        caseId: command.caseId,
        commandId: reactionEventId(cause.eventId, REACTION),
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        now: ctx.now,
      },
      () => Promise.resolve(command),
    );
  }

  private async commandFor(cause: LinkCause, now: string): Promise<ComplaintCommand | undefined> {
    const { event } = cause;
    switch (event.type) {
      case 'DuplicateLinked':
        return {
          type: 'AttachDuplicate',
          caseId: event.data.duplicateOfCaseId,
          now,
          duplicateCaseId: cause.caseId,
          reason: event.data.reason,
        };
      case 'RelatedCaseLinked':
        // The record back is itself a RelatedCaseLinked: it is not mirrored again.
        if (event.data.reciprocal) return undefined;
        return {
          type: 'RecordRelatedLink',
          caseId: event.data.relatedCaseId,
          now,
          relatedCaseId: cause.caseId,
          reason: event.data.reason,
        };
      case 'ComplaintMerged': {
        const { state } = await this.commands.load(cause.caseId);
        if (state.status === 'none') return undefined;
        return {
          type: 'ReceiveMergedComplaint',
          caseId: event.data.intoCaseId,
          now,
          fromCaseId: cause.caseId,
          reason: event.data.reason,
          merged: state.complaint,
        };
      }
      default:
        return undefined;
    }
  }
}
