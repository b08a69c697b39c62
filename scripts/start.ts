/**
 * `npm start`: checks PostgreSQL and NATS, applies migrations, builds the workbench when it is not
 * built yet, then runs every service as its own process (restarted if it crashes) and prints where
 * to reach them. Ctrl-C stops them all.
 */
import '@lse/service-kit/src/runtime/require-supported-node';
import { migrateAll } from './migrate';
import { preflight } from './lib/preflight';
import { localAuthEnv, SERVICES } from './lib/services';
import { Supervisor } from './lib/supervisor';
import { ensureWorkbenchBuilt, workbenchDir } from './lib/workbench';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lse';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

async function main(): Promise<void> {
  const problems = await preflight(DATABASE_URL, NATS_URL);
  if (problems.length) {
    process.stderr.write(`Cannot start:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  for (const line of await migrateAll(DATABASE_URL)) process.stdout.write(`migrate: ${line}\n`);
  const workbench = ensureWorkbenchBuilt(workbenchDir(), (line) => process.stdout.write(`start: ${line}\n`));
  if (workbench === 'failed')
    process.stderr.write(
      'start: the workbench build failed; starting without it (the API works, / answers 503).\n' +
        '  Build it with `npm run workbench:build` (the gateway serves it as soon as it is there).\n',
    );

  const supervisor = new Supervisor({
    services: SERVICES,
    env: { DATABASE_URL, NATS_URL, ...localAuthEnv() },
    restartOnExit: true,
    onExit: (name, code, signal) => process.stderr.write(`${name} exited (${signal ?? code}); restarting\n`),
  });
  const stop = async () => {
    await supervisor.stopAll();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  await supervisor.startAll();
  const gateway = supervisor.url('gateway');
  process.stdout.write(
    [
      '',
      'Co-enforcement case management is running.',
      `  Workbench:    ${gateway}/${workbench === 'failed' ? '   (not built: npm run workbench:build)' : ''}`,
      `  API:          ${gateway}/api/v1`,
      `  API docs:     ${gateway}/api/docs`,
      ...SERVICES.map(
        (s) =>
          `  ${s.name.padEnd(12)}  ${supervisor.url(s.name)}/health/ready  ${supervisor.url(s.name)}/metrics`,
      ),
      '  Get a token:  npm run token -- --role intake_officer --sub alice',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

main().catch((err: Error) => {
  process.stderr.write(`start failed: ${err.message}\n`);
  process.exit(1);
});
