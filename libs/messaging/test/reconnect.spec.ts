import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { startPrivateNats } from '@lse/testing';
import { RECONNECT_FOREVER } from '../src/connection';

jest.setTimeout(30_000);

/**
 * Found by the fault test (test/fault): after nats-server was down 30 s the services' relay and
 * consumer connections had given up (the client's default is 10 attempts 2 s apart), so no event
 * was relayed and no handoff happened again until the processes were restarted by hand.
 */
describe('a service connection with RECONNECT_FOREVER', () => {
  it('is back after an outage of more reconnect attempts than the client default (10)', async () => {
    const nats = await startPrivateNats();
    const nc: NatsConnection = await connect({ servers: nats.url, ...RECONNECT_FOREVER });
    try {
      let attempts = 0;
      const watching = (async () => {
        for await (const s of nc.status()) if (s.type === 'reconnecting') attempts++;
      })();
      nats.kill();
      // 500 ms apart: 14 attempts or more in 7 s.
      await new Promise((r) => setTimeout(r, 7_000));
      expect(attempts).toBeGreaterThan(10);
      expect(nc.isClosed()).toBe(false);
      await nats.restart();
      const sub = nc.subscribe('ping.back', { max: 1 });
      const got = (async () => {
        for await (const m of sub) return m.string();
      })();
      const deadline = Date.now() + 10_000;
      let answer: string | undefined;
      while (answer === undefined && Date.now() < deadline) {
        nc.publish('ping.back', 'pong');
        answer = await Promise.race([
          got,
          new Promise<undefined>((r) => setTimeout(() => r(undefined), 200)),
        ]);
      }
      expect(answer).toBe('pong');
      void watching;
    } finally {
      await nc.close();
      await nats.stop();
    }
  });
});

describe('every service', () => {
  it('opens its NATS connections with RECONNECT_FOREVER', () => {
    // The services' own connections, and the one every service runtime opens (service-kit's).
    const files = [
      join(__dirname, '..', '..', '..', 'services'),
      join(__dirname, '..', '..', 'service-kit'),
    ].flatMap((root) =>
      (readdirSync(root, { recursive: true }) as string[])
        .filter((f) => /(^|\/)src\/.*\.ts$/.test(f) && !f.endsWith('.spec.ts'))
        .map((f) => join(root, f)),
    );
    const unbounded: string[] = [];
    let calls = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/await connect\(\{([^}]*)\}\)/g)) {
        calls++;
        if (!/RECONNECT_FOREVER|maxReconnectAttempts: -1/.test(m[1])) unbounded.push(file);
      }
    }
    expect(calls).toBeGreaterThan(0);
    expect(unbounded).toEqual([]);
  });
});
