import { Inject, Injectable, Logger } from '@nestjs/common';
import { agreementStreamId } from '@lse/contracts';
import { NAMESPACE_LSE, utcDateOf, uuidV5, type Clock } from '@lse/domain';
import { appendScheduled } from '@lse/service-kit';
import { SealedEventStore } from '@lse/crypto-shred';
import { agreementDecider } from '@lse/partners-domain';
import { DataSource } from 'typeorm';
import { CLOCK, PARTNERS_DATA_SOURCE } from '../tokens';
import { AgreementRow } from '../read-models/entities';

/**
 * The id of the expiry of one term of an agreement: every replica computes the same one, so
 * however many checkers notice the date, the store keeps one AgreementExpired (a second append
 * fails on the expected version or is the same event). A renewal starts a new term, hence a new id.
 */
export const expiryEventId = (agreementId: string, expiresOn: string) =>
  uuidV5(`agreement-expired:${agreementId}:${expiresOn}`, NAMESPACE_LSE);

/** The scheduled check: agreements in force whose expiry date has come are recorded expired. */
@Injectable()
export class AgreementExpiry {
  private readonly logger = new Logger('AgreementExpiry');

  constructor(
    private readonly store: SealedEventStore,
    @Inject(PARTNERS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One pass: returns the agreements this replica recorded as expired. */
  async checkOnce(asOf: Date = this.clock.now()): Promise<string[]> {
    const today = utcDateOf(asOf);
    // The read model only nominates candidates; each stream decides for itself.
    const due = await this.dataSource
      .getRepository(AgreementRow)
      .createQueryBuilder('a')
      .select('a.agreementId')
      .where("a.status = 'active' AND a.expiresOn <= :today", { today })
      .getMany();
    const expired: string[] = [];
    for (const { agreementId } of due) {
      if (await this.expireOne(agreementId, asOf)) expired.push(agreementId);
    }
    return expired;
  }

  /** True when this call appended the expiry; false when not due, or another replica did it. */
  async expireOne(agreementId: string, asOf: Date = this.clock.now()): Promise<boolean> {
    const outcome = await appendScheduled({
      store: this.store,
      decider: agreementDecider,
      streamId: agreementStreamId(agreementId),
      sourceService: 'partners',
      now: asOf.toISOString(),
      correlationId: `agreement-expiry:${agreementId}:${utcDateOf(asOf)}`,
      command: (state) =>
        state.status === 'none'
          ? undefined
          : { type: 'ExpireAgreement' as const, agreementId, today: utcDateOf(asOf) },
      // The term that expired (AgreementExpired.expiresOn): a renewal's term gets an id of its own.
      eventId: (event) => expiryEventId(agreementId, (event.data as { expiresOn: string }).expiresOn),
      // Another replica's expiry changes the stream: deciding again finds the agreement expired.
      attempts: 2,
    });
    if (outcome.outcome !== 'appended') return false;
    const { expiresOn } = outcome.events[0].data as { expiresOn: string };
    this.logger.log({ agreementId, expiresOn }, 'agreement expired');
    return true;
  }
}
