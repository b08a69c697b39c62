/**
 * `npm run demo`: with the system running (`npm start`), seeds a realistic scenario through the
 * public HTTP API only and prints what to open and what to try next. GATEWAY_URL (default
 * http://127.0.0.1:3000) names the gateway; tokens come from the development issuer, as
 * `npm run token` mints them. Safe to run again: partners are found by name, everything else is new.
 * A failure is one line on stderr and exit 1.
 */
import { DemoApi } from './demo/api';
import { report } from './demo/report';
import { runScenario } from './demo/scenario';

async function main(): Promise<void> {
  const gatewayUrl = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const waitMs = Number(process.env.DEMO_WAIT_MS ?? 30_000);
  const started = Date.now();
  const result = await runScenario(new DemoApi(gatewayUrl), {
    waitMs,
    log: (line) => process.stdout.write(`  ${line}\n`),
  });
  process.stdout.write(report(result, gatewayUrl));
  process.stdout.write(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`demo: ${(err.message || String(err)).split('\n')[0]}\n`);
    process.exit(1);
  },
);
