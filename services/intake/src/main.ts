import '@lse/service-kit/src/runtime/require-supported-node';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@lse/service-kit';
import { createIntakeApp } from './bootstrap';
import { intakeConfigSchema } from './config';
import { migrateIntake } from './migrate';

/** node -r @swc-node/register services/intake/src/main.ts */
async function main(): Promise<void> {
  const config = loadConfigOrExit(intakeConfigSchema);
  try {
    await migrateIntake({ connectionString: config.DATABASE_URL, schema: config.INTAKE_SCHEMA });
  } catch (err) {
    process.stderr.write(
      `intake: cannot prepare its schema at DATABASE_URL (${(err as Error).message}).\n` +
        'Start PostgreSQL (npm run services:up) and run `npm run migrate`, or set DATABASE_URL.\n',
    );
    process.exit(1);
  }
  const app = await createIntakeApp(config);
  await app.listen(config.INTAKE_HTTP_PORT);
  new Logger('Intake').log(
    {
      node: process.version,
      health: `http://localhost:${config.INTAKE_HTTP_PORT}/health/ready`,
      queue: config.INTAKE_QUEUE_GROUP,
    },
    'intake listening on NATS (intake.*) and HTTP',
  );
}

void main();
