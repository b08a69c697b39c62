/**
 * The unit tier's environment (unit-environment.js) keeps `npm run test:unit` free of PostgreSQL,
 * NATS and other processes: this suite runs in it (UNIT_SUITES in jest.config.js).
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { connect } from 'node:net';

describe('the unit tier environment', () => {
  it('refuses a connection to PostgreSQL or NATS, naming the suite and the address', () => {
    for (const port of [5432, 4222])
      expect(() => connect(port, '127.0.0.1')).toThrow(
        new RegExp(
          `unit-environment\\.spec\\.ts connects to 127\\.0\\.0\\.1:${port}: a unit suite needs no PostgreSQL`,
        ),
      );
  });

  it('refuses to start a process', () => {
    expect(() => spawnSync('nats-server', ['--version'])).toThrow(/starts a process \(nats-server\)/);
  });

  it('lets a suite reach a server of its own process (supertest does)', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const answer = await fetch(`http://127.0.0.1:${port}/`);
      expect(await answer.text()).toBe('ok');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
