import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { startPrivateNats } from './nats-server';

describe('private nats-server', () => {
  it('starts with JetStream on its own port and stops', async () => {
    const nats = await startPrivateNats();
    try {
      const nc: NatsConnection = await connect({ servers: nats.url });
      const info = await (await jetstreamManager(nc)).getAccountInfo();
      expect(info.limits).toBeDefined();
      await nc.close();
    } finally {
      await nats.stop();
    }
  });
});
