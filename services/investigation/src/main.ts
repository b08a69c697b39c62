import '@lse/service-kit/src/runtime/require-supported-node';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@lse/service-kit';
import { createInvestigationApp } from './bootstrap';
import { investigationConfigSchema } from './config';
import { migrateInvestigation } from './migrate';

/** node -r @swc-node/register services/investigation/src/main.ts */
async function main(): Promise<void> {
  const config = loadConfigOrExit(investigationConfigSchema);
  try {
    await migrateInvestigation({
      connectionString: config.DATABASE_URL,
      schema: config.INVESTIGATION_SCHEMA,
    });
  } catch (err) {
    process.stderr.write(
      `investigation: cannot prepare its schema at DATABASE_URL (${(err as Error).message}).\n` +
        'Start PostgreSQL (npm run services:up) and run `npm run migrate`, or set DATABASE_URL.\n',
    );
    process.exit(1);
  }
  const app = await createInvestigationApp(config);
  await app.listen(config.INVESTIGATION_HTTP_PORT);
  new Logger('Investigation').log(
    {
      node: process.version,
      health: `http://localhost:${config.INVESTIGATION_HTTP_PORT}/health/ready`,
      queue: config.INVESTIGATION_QUEUE_GROUP,
      evidence: config.EVIDENCE_DIR,
    },
    'investigation listening on NATS (investigation.*) and HTTP',
  );
}

void main();
