import { randomUUID } from 'node:crypto';
import { ensureStreams } from '@lse/messaging';
import { startPrivateNats, type PrivateNats } from '@lse/testing';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { describeMissing, locateMissing } from './checker';

/** The fault checker says on which side a missing handoff stopped, from JetStream itself. */
describe('fault checker: where a missing handoff stopped', () => {
  let nats: PrivateNats;
  let nc: NatsConnection;

  beforeAll(async () => {
    nats = await startPrivateNats();
    nc = await connect({ servers: nats.url });
    await ensureStreams(nc);
  });
  afterAll(async () => {
    await nc?.close();
    await nats?.stop();
  });

  it('tells a cause published and not reacted to from one never published', async () => {
    const published = randomUUID();
    const never = randomUUID();
    const js = jetstream(nc);
    await js.publish('events.complaint.CaseOpened', JSON.stringify({ eventId: randomUUID() }), {
      msgID: randomUUID(),
    });
    const ack = await js.publish('events.complaint.CaseOpened', JSON.stringify({ eventId: published }), {
      msgID: published,
    });
    const handoff = 'CaseOpened -> InvestigationOpened';
    const subject = 'events.complaint.CaseOpened';
    const located = await locateMissing(nc, [
      { handoff, cause: published, subject },
      { handoff, cause: never, subject },
    ]);
    expect(located).toEqual([
      { handoff, cause: published, subject, jetStreamSeq: ack.seq },
      { handoff, cause: never, subject, jetStreamSeq: null },
    ]);
    expect(located.map(describeMissing)).toEqual([
      `${handoff} ${published} [${subject}] on JetStream at seq ${ack.seq} (published, not reacted to)`,
      `${handoff} ${never} [${subject}] not on JetStream (never published)`,
    ]);
  });
});
