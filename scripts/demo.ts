/**
 * `npm run demo`: with the system running (`npm start`), seeds a realistic scenario through the
 * public HTTP API only and prints what to open and what to try next. GATEWAY_URL (default
 * http://127.0.0.1:3000) names the gateway; tokens come from the development issuer, as
 * `npm run token` mints them. Printable documents go to DEMO_OUT_DIR (default var/demo). Safe to run again: partners are found by name, everything else is new.
 * A failure is one line on stderr and exit 1.
 */
import '@lse/service-kit/src/runtime/require-supported-node';
import { DemoApi } from './demo/api';
import { writeDocuments } from './demo/files';
import { report } from './demo/report';
import { runScenario } from './demo/scenario';

async function main(): Promise<void> {
  const gatewayUrl = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const waitMs = Number(process.env.DEMO_WAIT_MS ?? 30_000);
  const started = Date.now();
  const api = new DemoApi(gatewayUrl);
  const result = await runScenario(api, {
    waitMs,
    log: (line) => process.stdout.write(`  ${line}\n`),
  });
  const files = await writeDocuments(api, result, process.env.DEMO_OUT_DIR ?? 'var/demo');
  process.stdout.write(report(result, gatewayUrl, files));
  process.stdout.write(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`demo: ${(err.message || String(err)).split('\n')[0]}\n`);
    process.exit(1);
  },
);
