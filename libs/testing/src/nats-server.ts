import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrivateNats {
  /** JetStream's store directory (its files: what a leak test reads at rest). */
  storeDir: string;
  url: string;
  port: number;
  stop(): Promise<void>;
  /** kill -9, for fault tests; `restart` brings it back on the same port and store. */
  kill(): void;
  restart(): Promise<void>;
}

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = tcpConnect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nats-server did not listen on ${port} in time`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A real nats-server with JetStream of a suite's own, on a free loopback port. Request/reply
 * subjects, queue groups and durable consumer names are global on a server, so suites that run
 * services (or a developer's `npm start` next to the tests) must not share one.
 */
export async function startPrivateNats(): Promise<PrivateNats> {
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'lse-nats-'));
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
    await waitForPort(port, 10_000);
  };
  await launch();
  const exited = () =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
    });
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    kill() {
      child?.kill('SIGKILL');
    },
    async restart() {
      await exited();
      await launch();
    },
    async stop() {
      child?.kill('SIGTERM');
      await exited();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
