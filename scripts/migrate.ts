/**
 * `npm run migrate`: creates the database if needed and applies every pending migration: the
 * event store's, then each service's own (read models, relay checkpoints, idempotency keys).
 */
import '@lse/service-kit/src/runtime/require-supported-node';
import { Pool } from 'pg';
import { migrate as migrateEventStore } from '@lse/event-store';
import { migrateGateway } from '@lse/gateway/src/database/migrate';
import { migrateIntake } from '@lse/intake/src/migrate';
import { migrateInvestigation } from '@lse/investigation/src/migrate';
import { migrateAudit } from '@lse/audit/src/migrate';
import { migratePartners } from '@lse/partners/src/migrate';
import { migrateCollections } from '@lse/collections/src/migrate';
import { ensureDatabase } from '@lse/testing';

export async function migrateAll(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const report: string[] = [];
  const step = async (name: string, run: () => Promise<string[] | void>) => {
    const applied = (await run()) ?? [];
    report.push(`${name}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  };
  try {
    await step('event store', () => migrateEventStore(pool, 'event_store'));
    await step('gateway', () => migrateGateway(pool));
    await step('intake', async () => {
      const applied = await migrateIntake({ connectionString: databaseUrl });
      return [...applied.readModels, ...applied.messaging];
    });
    await step('investigation', async () => {
      const applied = await migrateInvestigation({ connectionString: databaseUrl });
      return [...applied.readModels, ...applied.messaging];
    });
    await step('partners', async () => {
      const applied = await migratePartners({ connectionString: databaseUrl });
      return [...applied.readModels, ...applied.messaging];
    });
    await step('collections', async () => {
      const applied = await migrateCollections({ connectionString: databaseUrl });
      return [...applied.readModels, ...applied.messaging];
    });
    await step('audit', () => migrateAudit({ connectionString: databaseUrl }));
  } finally {
    await pool.end();
  }
  return report;
}

if (require.main === module) {
  migrateAll(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lse')
    .then((lines) => process.stdout.write(lines.map((l) => `${l}\n`).join('')))
    .catch((err: Error) => {
      process.stderr.write(`migrate failed: ${err.message}\n`);
      process.exit(1);
    });
}
