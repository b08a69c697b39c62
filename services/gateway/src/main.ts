import '@lse/service-kit/src/runtime/require-supported-node';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@lse/service-kit';
import { createGatewayApp } from './bootstrap';
import { gatewayConfigSchema } from './config';
import { migrateGateway } from './database/migrate';
import { createGatewayPool } from './database/pool';

async function main(): Promise<void> {
  const config = loadConfigOrExit(gatewayConfigSchema);
  const pool = createGatewayPool(config.DATABASE_URL, config.DB_POOL_MAX);
  try {
    await migrateGateway(pool);
  } catch (err) {
    process.stderr.write(
      `gateway: cannot prepare its database at DATABASE_URL (${(err as Error).message}).\n` +
        'Start PostgreSQL (e.g. `sudo service postgresql start`) or set DATABASE_URL.\n',
    );
    await pool.end().catch(() => undefined);
    process.exit(1);
  }
  await pool.end();
  const app = await createGatewayApp({ config });
  await app.listen(config.GATEWAY_PORT);
  // Idle keep-alive connections stay open longer than clients and load balancers keep theirs
  // (Node's 5 s default closes them just as a client reuses one: ECONNRESET on a POST).
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  new Logger('Gateway').log(
    { node: process.version, url: `http://localhost:${config.GATEWAY_PORT}/api/v1`, docs: '/api/docs' },
    'gateway listening',
  );
}

void main();
