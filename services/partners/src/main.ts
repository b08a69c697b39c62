import '@lse/service-kit/src/runtime/require-supported-node';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@lse/service-kit';
import { createPartnersApp } from './bootstrap';
import { partnersConfigSchema } from './config';
import { migratePartners } from './migrate';

/** node -r @swc-node/register services/partners/src/main.ts */
async function main(): Promise<void> {
  const config = loadConfigOrExit(partnersConfigSchema);
  try {
    await migratePartners({ connectionString: config.DATABASE_URL, schema: config.PARTNERS_SCHEMA });
  } catch (err) {
    process.stderr.write(
      `partners: cannot prepare its schema at DATABASE_URL (${(err as Error).message}).\n` +
        'Start PostgreSQL (npm run services:up) and run `npm run migrate`, or set DATABASE_URL.\n',
    );
    process.exit(1);
  }
  const app = await createPartnersApp(config);
  await app.listen(config.PARTNERS_HTTP_PORT);
  new Logger('Partners').log(
    {
      node: process.version,
      health: `http://localhost:${config.PARTNERS_HTTP_PORT}/health/ready`,
      queue: config.PARTNERS_QUEUE_GROUP,
    },
    'partners listening on NATS (partners.*) and HTTP',
  );
}

void main();
