import {
  ClosedConnectionError,
  createInbox,
  NoRespondersError,
  TimeoutError,
  type Msg,
  type NatsConnection,
} from '@nats-io/nats-core';

interface Pending {
  resolve(msg: Msg): void;
  reject(err: unknown): void;
  timer: NodeJS.Timeout;
}

/**
 * Request/reply on one NATS connection: one reply subscription (`<inbox>.*`) for every call, a
 * token per call, a timer per call. Requests made in the same turn of the event loop are
 * published together at its end (setImmediate), so the client writes them to its socket in one
 * write instead of one each: a write per command was a twentieth of the gateway's CPU.
 *
 * (nats.js's own `request` does the same matching, but also makes an Error, with its stack, to
 * cancel every request it has just resolved.)
 */
export class RequestMux {
  private readonly inbox = `${createInbox()}.`;
  private readonly pending = new Map<string, Pending>();
  private outbox: Array<{ subject: string; data: Uint8Array; token: string }> = [];
  private flushScheduled = false;
  private sequence = 0;

  constructor(private readonly nc: NatsConnection) {
    nc.subscribe(`${this.inbox}*`, { callback: (err, msg) => this.settle(err, msg) });
    void nc.closed().then(() => this.failAll(new ClosedConnectionError()));
  }

  /** The first reply; rejects with a TimeoutError, a NoRespondersError or the connection's error. */
  request(subject: string, data: Uint8Array, timeoutMs: number): Promise<Msg> {
    const token = (this.sequence++).toString(36);
    return new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending.delete(token)) reject(new TimeoutError());
      }, timeoutMs);
      this.pending.set(token, { resolve, reject, timer });
      this.outbox.push({ subject, data, token });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.outbox;
    this.outbox = [];
    for (const { subject, data, token } of batch) {
      try {
        this.nc.publish(subject, data, { reply: this.inbox + token });
      } catch (err) {
        this.fail(token, err);
      }
    }
  }

  private settle(err: Error | null, msg: Msg): void {
    if (err) return this.failAll(err);
    const token = msg.subject.slice(this.inbox.length);
    const call = this.pending.get(token);
    if (!call) return; // answered after its timeout
    this.pending.delete(token);
    clearTimeout(call.timer);
    // The server's "no responders" status: a 503 header and no payload.
    if (msg.data.length === 0 && msg.headers?.code === 503) call.reject(new NoRespondersError(msg.subject));
    else call.resolve(msg);
  }

  private fail(token: string, err: unknown): void {
    const call = this.pending.get(token);
    if (!call) return;
    this.pending.delete(token);
    clearTimeout(call.timer);
    call.reject(err);
  }

  private failAll(err: unknown): void {
    for (const token of [...this.pending.keys()]) this.fail(token, err);
  }
}
