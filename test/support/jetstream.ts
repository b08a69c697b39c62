import { CASE_EVENTS } from '@lse/messaging';
import { DeliverPolicy, jetstream, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';

/**
 * Every message on `subject` of CASE_EVENTS, oldest first, through an ordered consumer of its own
 * (no durable state on the server), until none is left or `visit` returns true (enough seen).
 */
export async function scanSubject(
  nc: NatsConnection,
  subject: string,
  visit: (msg: JsMsg) => boolean | void,
): Promise<void> {
  const consumer = await jetstream(nc).consumers.get(CASE_EVENTS, {
    filter_subjects: subject,
    deliver_policy: DeliverPolicy.All,
  });
  for (;;) {
    const messages = await consumer.fetch({ max_messages: 1000, expires: 1000 });
    let seen = 0;
    let done = false;
    for await (const m of messages) {
      seen++;
      if (visit(m) === true) done = true;
    }
    if (seen === 0 || done) return;
  }
}
