import { Inject, Injectable, Logger } from '@nestjs/common';
import { isDomainError, type Clock } from '@lse/domain';
import type { RecordedEvent } from '@lse/event-store';
import { CLOCK } from '../../tokens';
import { CaseLinkMirror } from './case-link-mirror';

/**
 * The record of a link on the other case, from the link event over JetStream: completes what the
 * request that made the link did not (it stopped after its own append). A refusal (the other case
 * closed meanwhile) is logged and acknowledged: retrying cannot change it. Its durable consumer
 * (`intake-case-links`) starts in `runtime/intake-runtime.ts`.
 */
@Injectable()
export class CaseLinkReaction {
  private readonly logger = new Logger('CaseLinkReaction');

  constructor(
    private readonly mirror: CaseLinkMirror,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async react(cause: RecordedEvent): Promise<void> {
    const caseId = cause.metadata.caseId ?? cause.streamId.slice(cause.streamId.indexOf('-') + 1);
    try {
      await this.mirror.mirror(cause, this.clock.now().toISOString());
    } catch (err) {
      if (!isDomainError(err)) throw err;
      this.logger.error(
        { caseId, cause: cause.eventId, reason: err.details?.reason ?? err.code },
        'the other case refused the record of a link',
      );
    }
  }
}
