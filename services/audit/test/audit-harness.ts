import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@lse/service-kit';
import { createTestSchema, natsUrl, type TestSchema } from '@lse/testing';
import { Writable } from 'node:stream';
import { createAuditApp } from '../src/bootstrap';
import { auditConfigSchema } from '../src/config';
import { migrateAudit } from '../src/migrate';

export interface RunningAudit {
  app: INestApplication;
  auditSchema: TestSchema;
  close(): Promise<void>;
}

/** A real audit service in process, on an event store schema given and an audit schema of its own. */
export async function startAudit(options: {
  prefix: string;
  eventSchema: TestSchema;
  natsUrl?: string;
}): Promise<RunningAudit> {
  const auditSchema = await createTestSchema('audit');
  await migrateAudit({ connectionString: auditSchema.url, schema: auditSchema.schema });
  const config = loadConfig(auditConfigSchema, {
    DATABASE_URL: auditSchema.url,
    NATS_URL: options.natsUrl ?? natsUrl(),
    EVENT_STORE_SCHEMA: options.eventSchema.schema,
    AUDIT_SCHEMA: auditSchema.schema,
    NATS_SUBJECT_PREFIX: options.prefix,
    PROJECTION_POLL_MS: '50',
    AUDIT_CHECKPOINT_INTERVAL_MS: '0',
    DB_POOL_MAX: '4',
  });
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  const app = await createAuditApp(config, { logDestination: quiet });
  return {
    app,
    auditSchema,
    async close() {
      await app.close();
      await auditSchema.drop();
    },
  };
}
