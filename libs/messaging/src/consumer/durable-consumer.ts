import type { RecordedEvent } from '@lse/event-store';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  JetStreamClient,
  JetStreamManager,
  JsMsg,
} from '@nats-io/jetstream';
import { headers, nanos, type NatsConnection } from '@nats-io/nats-core';
import { CASE_EVENTS, deadLetterSubject, HEADERS } from '../subjects';

export interface DurableConsumerOptions {
  nc: NatsConnection;
  jsm: JetStreamManager;
  /** Durable name, e.g. `investigation-on-case-opened`; also names the dead-letter subject. */
  name: string;
  /** One subject filter (NATS 2.9 has no multi-filter consumers), e.g. `events.complaint.>`. */
  filterSubject: string;
  /** Only these event types are handed to `handle`; others are acknowledged and skipped. */
  types?: readonly string[];
  /**
   * Must be idempotent and must have committed its effects when it resolves: the message is
   * acknowledged only then. A throw asks for redelivery.
   */
  handle(event: RecordedEvent, delivery: { deliveryCount: number }): Promise<void>;
  /**
   * Turns the message's event as published (sealed: docs/architecture.md#crypto-shredding) into
   * the event handlers read, before the type filter and `handle`; the one place a consumer opens.
   */
  open?(event: RecordedEvent): Promise<RecordedEvent>;
  /**
   * Failed deliveries before a message becomes a dead letter (default 5). A message delivered
   * more than twice as often without ever being acknowledged (each delivery lost with a crashed
   * process, say) is parked before it is handled again: it may be what crashes the process.
   */
  maxDeliver?: number;
  /** Redelivery delays by attempt; the last repeats. */
  backoffMs?: readonly number[];
  ackWaitMs?: number;
  /**
   * Messages handled at once (default 1: one after another). Messages of one case (the
   * `Lse-Case-Id` header; without it, of one subject) are still handled one after another, in
   * the order they arrive: only different cases overlap.
   */
  concurrency?: number;
  onError?(error: unknown, event: RecordedEvent | undefined): void;
  onDeadLetter?(event: RecordedEvent | undefined, reason: string): void;
}

const DEFAULT_BACKOFF = [200, 1_000, 5_000, 15_000];

/** A durable pull consumer on CASE_EVENTS with explicit acks and a dead-letter subject. */
export class DurableConsumer {
  private readonly js: JetStreamClient;
  private running = false;
  private loop?: Promise<void>;
  private messages?: { close(): Promise<void | Error>; stop(): void };
  private handled = 0;
  /** Handlings started and not yet finished (each settles, never rejects). */
  private readonly inFlight = new Set<Promise<void>>();
  /** The last handling queued per case: the next message of that case waits for it. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly options: DurableConsumerOptions) {
    this.js = jetstream(options.nc);
  }

  get handledCount(): number {
    return this.handled;
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.ensureConsumer();
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    if (this.running) {
      this.running = false;
      await this.messages?.close();
    }
    await this.loop; // a second stop() waits for the first
  }

  /** Messages not yet delivered plus those delivered and not yet acknowledged. */
  async lag(): Promise<number> {
    const info = await this.options.jsm.consumers.info(CASE_EVENTS, this.options.name);
    return info.num_pending + info.num_ack_pending;
  }

  private async ensureConsumer(): Promise<void> {
    const config = {
      durable_name: this.options.name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: this.options.filterSubject,
      // No server limit: the server would drop a message silently once it reached it, and
      // deliveries lost with a killed process count towards it too. This consumer parks a
      // message on the dead-letter subject instead (see process), so none is ever dropped.
      max_deliver: -1,
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
    };
    try {
      await this.options.jsm.consumers.add(CASE_EVENTS, config);
    } catch (err) {
      if (!/already (exists|in use)/i.test((err as Error).message)) throw err;
      await this.options.jsm.consumers.update(CASE_EVENTS, this.options.name, config);
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const consumer = await this.js.consumers.get(CASE_EVENTS, this.options.name);
        const messages = await consumer.consume({ max_messages: 64 });
        this.messages = messages;
        // Stopped while the subscription was being set up: stop() found nothing to close.
        if (!this.running) {
          messages.stop(); // close() would wait for an iteration that never starts
          break;
        }
        for await (const msg of messages) {
          if ((this.options.concurrency ?? 1) > 1) await this.dispatch(msg);
          else await this.process(msg);
          if (!this.running) break;
        }
      } catch (err) {
        this.options.onError?.(err, undefined);
        if (this.running) await new Promise((r) => setTimeout(r, 500));
      } finally {
        await Promise.all(this.inFlight);
      }
    }
  }

  /** Starts handling `msg` after the case's previous message; waits while `concurrency` are in flight. */
  private async dispatch(msg: JsMsg): Promise<void> {
    const concurrency = this.options.concurrency ?? 1;
    while (this.inFlight.size >= concurrency) await Promise.race(this.inFlight);
    const key = orderingKey(msg);
    const previous = this.tails.get(key) ?? Promise.resolve();
    const handling: Promise<void> = previous
      .then(() => this.process(msg))
      .catch((err: unknown) => this.options.onError?.(err, undefined))
      .finally(() => {
        this.inFlight.delete(handling);
        if (this.tails.get(key) === handling) this.tails.delete(key);
      });
    this.tails.set(key, handling);
    this.inFlight.add(handling);
  }

  private async process(msg: JsMsg): Promise<void> {
    let event: RecordedEvent | undefined;
    const deliveryCount = msg.info.deliveryCount;
    const maxDeliver = this.options.maxDeliver ?? 5;
    try {
      event = msg.json<RecordedEvent>();
      if (deliveryCount > 2 * maxDeliver) {
        const never = new Error(`delivered ${deliveryCount} times and never acknowledged`);
        never.name = 'NeverAcknowledged';
        await this.deadLetter(msg, never, event);
        return;
      }
      if (!this.options.types || this.options.types.includes(event.type)) {
        if (this.options.open) event = await this.options.open(event);
        await this.options.handle(event, { deliveryCount });
      }
      msg.ack();
      this.handled++;
    } catch (err) {
      this.options.onError?.(err, event);
      if (deliveryCount >= maxDeliver || event === undefined) {
        await this.deadLetter(msg, err, event);
        return;
      }
      const backoff = this.options.backoffMs ?? DEFAULT_BACKOFF;
      msg.nak(backoff[Math.min(deliveryCount - 1, backoff.length - 1)]);
    }
  }

  private async deadLetter(msg: JsMsg, err: unknown, event: RecordedEvent | undefined): Promise<void> {
    const reason = failureReason(err);
    const h = headers();
    h.set(HEADERS.failureReason, reason);
    h.set(HEADERS.originalSubject, msg.subject);
    h.set(HEADERS.deliveries, String(msg.info.deliveryCount));
    if (event) h.set('Nats-Msg-Id', `${this.options.name}:${event.eventId}`);
    try {
      await this.js.publish(deadLetterSubject(this.options.name), msg.data, { headers: h });
      msg.term(); // no reason text: NATS 2.9 does not understand '+TERM <reason>'
      this.options.onDeadLetter?.(event, reason);
    } catch (publishError) {
      // Could not park it: leave it for redelivery rather than lose it.
      this.options.onError?.(publishError, event);
      msg.nak(5_000);
    }
  }
}

const TOKEN = /^[A-Za-z0-9_.:$-]{1,100}$/;

/**
 * What a dead letter says of its failure (`Lse-Failure-Reason`): the error's class and its code,
 * e.g. `ZodError` or `SubjectErasedError [subject_erased]`, never its message. Messages quote
 * values (a zod issue the input it refused, a driver the duplicate key), and a dead letter is
 * kept in JetStream beyond any erasure: the message stays in the consumer's logs of the failure
 * (`onError`, which the services log as a described error: name, code, frames) and in the code
 * that threw it. A name or code that is not a plain token is left out.
 */
export function failureReason(err: unknown): string {
  if (!(err instanceof Error)) return `non-error thrown (${typeof err})`;
  const name = TOKEN.test(err.name) ? err.name : 'Error';
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && TOKEN.test(code) ? `${name} [${code}]` : name;
}

/** Messages with the same key are handled in order: the case, or the subject when there is none. */
function orderingKey(msg: JsMsg): string {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- the linter cannot resolve nats-core's header types; tsc checks them
  const caseId: string | undefined = msg.headers?.get(HEADERS.caseId);
  return caseId || msg.subject;
}
