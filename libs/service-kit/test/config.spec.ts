import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';
import { commonConfigSchema, ConfigError, loadConfig } from '../src';

describe('loadConfig', () => {
  const schema = commonConfigSchema('intake').extend({ PORT: z.coerce.number().int().positive() });

  it('applies the common defaults', () => {
    expect(loadConfig(schema, { PORT: '3001' })).toEqual({
      SERVICE_NAME: 'intake',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/lse',
      NATS_URL: 'nats://127.0.0.1:4222',
      LOG_LEVEL: 'info',
      NATS_SUBJECT_PREFIX: '',
      PORT: 3001,
    });
  });

  it('names every bad or missing variable', () => {
    let error: unknown;
    try {
      loadConfig(schema, { DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
    ]);
    expect((error as ConfigError).message).toMatch(/DATABASE_URL/);
  });

  it('stops the process with a non-zero code and a message naming the variable', () => {
    const script = `require(${JSON.stringify(join(__dirname, '..', 'src'))}).loadConfigOrExit(require(${JSON.stringify(join(__dirname, '..', 'src'))}).commonConfigSchema('x'));`;
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      env: { ...process.env, NATS_URL: 'http://wrong' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('NATS_URL');
  });
});
