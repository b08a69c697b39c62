import { Inject, Injectable, Logger } from '@nestjs/common';
import { agreementEventOf, agreementStreamId, toNewEvent } from '@lse/contracts';
import { NAMESPACE_LSE, replay, utcDateOf, uuidV5, type Clock } from '@lse/domain';
import { DuplicateEventIdError, WrongExpectedVersionError } from '@lse/event-store';
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
    const streamId = agreementStreamId(agreementId);
    const recorded = await this.store.readStream(streamId);
    const state = replay(agreementDecider, recorded.map(agreementEventOf));
    const decided = agreementDecider.decide(
      { type: 'ExpireAgreement', agreementId, today: utcDateOf(asOf) },
      state,
    );
    if (decided.length === 0 || state.status === 'none') return false;
    const eventId = expiryEventId(agreementId, state.terms.expiresOn);
    const event = toNewEvent(decided[0], eventId, {
      actor: { id: 'service:partners', role: 'system' },
      correlationId: eventId,
      sourceService: 'partners',
      occurredAt: asOf.toISOString(),
    });
    try {
      const result = await this.store.append(streamId, [event], recorded.length);
      if (result.alreadyStored) return false;
      this.logger.log({ agreementId, expiresOn: state.terms.expiresOn }, 'agreement expired');
      return true;
    } catch (err) {
      if (err instanceof WrongExpectedVersionError || err instanceof DuplicateEventIdError) return false;
      throw err;
    }
  }
}
