import '@lse/service-kit/src/runtime/require-supported-node';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@lse/service-kit';
import { createAuditApp } from './bootstrap';
import { auditConfigSchema } from './config';
import { loadSigningKey } from './integrity/signing-key';
import { migrateAudit } from './migrate';

/** node -r @swc-node/register services/audit/src/main.ts */
async function main(): Promise<void> {
  const config = loadConfigOrExit(auditConfigSchema);
  try {
    loadSigningKey(config.AUDIT_SIGNING_KEY_FILE);
  } catch (err) {
    process.stderr.write(`audit: ${(err as Error).message}\n`);
    process.exit(1);
  }
  try {
    await migrateAudit({ connectionString: config.DATABASE_URL, schema: config.AUDIT_SCHEMA });
  } catch (err) {
    process.stderr.write(
      `audit: cannot prepare its schema at DATABASE_URL (${(err as Error).message}).\n` +
        'Start PostgreSQL (npm run services:up) and run `npm run migrate`, or set DATABASE_URL.\n',
    );
    process.exit(1);
  }
  const app = await createAuditApp(config);
  await app.listen(config.AUDIT_HTTP_PORT);
  new Logger('Audit').log(
    {
      node: process.version,
      health: `http://localhost:${config.AUDIT_HTTP_PORT}/health/ready`,
      queue: config.AUDIT_QUEUE_GROUP,
    },
    'audit listening on NATS (audit.*) and HTTP',
  );
}

void main();
