import type { INestApplication, Type } from '@nestjs/common';
import { loadConfig } from '@lse/service-kit';
import { createTestSchema, natsUrl, TestSchema } from '@lse/testing';
import { Writable } from 'node:stream';
import { createGatewayApp } from '../../src/bootstrap';
import { gatewayConfigSchema } from '../../src/config';
import { migrateGateway } from '../../src/database/migrate';
import { mintDevToken } from '../../src/auth/mint-token';
import type { Role } from '../../src/auth/roles';
import { TestRoutesController } from './test-routes.controller';

export interface TestGateway {
  app: INestApplication;
  server: unknown;
  db: TestSchema;
  /** JSON log lines written so far. */
  logs: Record<string, unknown>[];
  token(role: Role | Role[], sub?: string, org?: string): Promise<string>;
  close(): Promise<void>;
}

/** A real gateway on a fresh schema of the test database and the local NATS. */
export async function startGateway(
  env: Record<string, string> = {},
  controllers: Type[] = [TestRoutesController],
): Promise<TestGateway> {
  const db = await createTestSchema('gw');
  await migrateGateway(db.pool);
  const config = loadConfig(gatewayConfigSchema, {
    NATS_URL: natsUrl(),
    LOG_LEVEL: 'info',
    AUTH_MODE: 'development',
    ...env,
  });
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await createGatewayApp({ config, pool: db.pool, controllers, logDestination: destination });
  return {
    app,
    server: app.getHttpServer(),
    db,
    logs,
    token: (role, sub = 'user-1', org) =>
      mintDevToken({ sub, roles: Array.isArray(role) ? role : [role], org }),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

export const PROBLEM_TYPE = /^https:\/\/lse\.example\/problems\/[a-z-]+$/;
