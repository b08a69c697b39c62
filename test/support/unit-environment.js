/**
 * The unit tier's test environment (jest project "unit", jest.config.js): Node's, except that a
 * suite may neither open a connection to anything but a server of its own process (supertest)
 * nor start a process. So a unit suite cannot reach PostgreSQL or NATS, start a database, a
 * nats-server or a system, and one that tries fails at once, naming what it touched, instead of
 * quietly making `npm run test:unit` slow or dependent on running services. A child process
 * escapes this check (it could connect to anything), hence none at all.
 *
 * What is patched is restored in teardown: jest may run a server suite next in the same worker.
 */
const net = require('node:net');
const childProcess = require('node:child_process');
const { TestEnvironment } = require('jest-environment-node');

const SPAWNERS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];

class UnitEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.suite = context.testPath;
  }

  async setup() {
    await super.setup();
    const refuse = (what) => {
      throw new Error(
        `${this.suite} ${what}: a unit suite needs no PostgreSQL, NATS or other process. ` +
          'Move it from UNIT_SUITES in jest.config.js to the server tier.',
      );
    };
    const own = new Set();
    this.restore = [];
    const patch = (target, name, replacement) => {
      const original = target[name];
      target[name] = replacement(original);
      this.restore.push(() => (target[name] = original));
    };
    patch(
      net.Server.prototype,
      'listen',
      (listen) =>
        function (...args) {
          own.add(this);
          return listen.apply(this, args);
        },
    );
    patch(
      net.Socket.prototype,
      'connect',
      (connect) =>
        function (...args) {
          // net.connect and http pass [options, callback] as one normalized array.
          const first = Array.isArray(args[0]) ? args[0][0] : args[0];
          const options = typeof first === 'object' && first !== null ? first : { port: first };
          const port = Number(options.port);
          const ours = [...own].some((server) => server.listening && server.address()?.port === port);
          if (!ours)
            refuse(`connects to ${options.path ?? `${options.host ?? 'localhost'}:${options.port}`}`);
          return connect.apply(this, args);
        },
    );
    for (const name of SPAWNERS)
      patch(childProcess, name, () => (file) => refuse(`starts a process (${String(file)})`));
  }

  async teardown() {
    for (const undo of (this.restore ?? []).reverse()) undo();
    await super.teardown();
  }
}

module.exports = UnitEnvironment;
