import { CASE_EVENTS } from '@lse/messaging';
import { DeliverPolicy, jetstream, type Consumer, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { natsUrl } from '@lse/testing';

/**
 * Event ids (Nats-Msg-Id) published on `subjects` since `since`, read with an ordered consumer.
 * Waits until every wanted id is there or the timeout passes; returns what it found.
 */
export async function publishedIds(
  subjects: string,
  since: Date,
  wanted: string[],
  timeoutMs = 10_000,
): Promise<Set<string>> {
  const nc: NatsConnection = await connect({ servers: natsUrl() });
  const found = new Set<string>();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !wanted.every((id) => found.has(id))) {
      const consumer: Consumer = await jetstream(nc).consumers.get(CASE_EVENTS, {
        filter_subjects: subjects,
        deliver_policy: DeliverPolicy.StartTime,
        opt_start_time: since.toISOString(),
      });
      const messages: ConsumerMessages = await consumer.fetch({ max_messages: 5000, expires: 1000 });
      for await (const m of messages) {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call -- the linter cannot resolve nats-core's header types; tsc checks them
        const id = m.headers?.get('Nats-Msg-Id');
        if (id) found.add(id);
      }
    }
    return found;
  } finally {
    await nc.close();
  }
}
