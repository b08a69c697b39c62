import '@lse/service-kit/src/runtime/require-supported-node';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@lse/service-kit';
import { createCollectionsApp } from './bootstrap';
import { collectionsConfigSchema } from './config';
import { migrateCollections } from './migrate';

/** node -r @swc-node/register services/collections/src/main.ts */
async function main(): Promise<void> {
  const config = loadConfigOrExit(collectionsConfigSchema);
  try {
    await migrateCollections({ connectionString: config.DATABASE_URL, schema: config.COLLECTIONS_SCHEMA });
  } catch (err) {
    process.stderr.write(
      `collections: cannot prepare its schema at DATABASE_URL (${(err as Error).message}).\n` +
        'Start PostgreSQL (npm run services:up) and run `npm run migrate`, or set DATABASE_URL.\n',
    );
    process.exit(1);
  }
  const app = await createCollectionsApp(config);
  await app.listen(config.COLLECTIONS_HTTP_PORT);
  new Logger('Collections').log(
    {
      node: process.version,
      health: `http://localhost:${config.COLLECTIONS_HTTP_PORT}/health/ready`,
      queue: config.COLLECTIONS_QUEUE_GROUP,
    },
    'collections listening on NATS (collections.*) and HTTP',
  );
}

void main();
