import { Controller, Get, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { pinoContext } from '../src/logging/pino-context';
import { Writable } from 'node:stream';
import request from 'supertest';
import { configureServiceApp, ServiceKitModule } from '../src';

@Controller('things')
class ThingsController {
  private readonly logger = new Logger('Things');

  @Get()
  list() {
    this.logger.log('listing things');
    return [];
  }
}

describe('request logging', () => {
  const logs: Record<string, unknown>[] = [];
  let app: INestApplication;
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n'))
          if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    app = await NestFactory.create(
      {
        module: class TestServiceModule {},
        imports: [ServiceKitModule.forService({ service: 'things', logging: { destination } })],
        controllers: [ThingsController],
      } as never,
      { bufferLogs: true },
    );
    configureServiceApp(app);
    await app.init();
  });
  afterAll(() => app.close());
  afterEach(() => jest.restoreAllMocks());

  it('logs method, path without query, status and time once per request, under its correlation id', async () => {
    await request(app.getHttpServer())
      .get('/things?name=Maria')
      .set('x-correlation-id', 'corr-1')
      .expect(200);
    await new Promise((resolve) => setImmediate(resolve));
    const lines = logs.filter((l) => l.correlationId === 'corr-1');
    expect(lines.map((l) => l.msg)).toEqual(['listing things', 'request completed']);
    expect(lines[1]).toMatchObject({ req: { method: 'GET', path: '/things' }, res: { statusCode: 200 } });
    expect(typeof lines[1].responseTime).toBe('number');
    expect(JSON.stringify(logs)).not.toContain('Maria');
  });

  it('runs API requests in a log context, but not probes and scrapes', async () => {
    const run = jest.spyOn(pinoContext, 'run');
    const probe = await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(probe.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(run).not.toHaveBeenCalled();
    await request(app.getHttpServer()).get('/things').expect(200);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
