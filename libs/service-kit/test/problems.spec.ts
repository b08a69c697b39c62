import { BadRequestException, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import { DomainError, problemFromError, toReply, toServiceError } from '../src';

describe('problemFromError', () => {
  it('turns a zod error into a 400 validation problem with field paths', () => {
    const result = z.object({ a: z.object({ b: z.string() }) }).safeParse({ a: { b: 1 } });
    const problem = problemFromError(result.error);
    expect(problem.status).toBe(400);
    expect(problem.body).toMatchObject({
      type: 'https://lse.example/problems/validation',
      errors: [{ path: 'a.b', message: expect.any(String) }],
    });
  });

  it('keeps the status of HttpExceptions', () => {
    expect(problemFromError(new NotFoundException('no case')).body).toMatchObject({
      status: 404,
      detail: 'no case',
      type: 'https://lse.example/problems/not-found',
    });
    expect(problemFromError(new BadRequestException()).status).toBe(400);
  });

  it('maps typed domain errors by code and leaves Node system errors unexpected', () => {
    expect(problemFromError(new DomainError('wrong_expected_version', 'changed')).status).toBe(409);
    expect(problemFromError({ code: 'invalid_transition', message: 'closed' }).status).toBe(422);
    const system = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(problemFromError(system)).toMatchObject({ status: 500, expected: false });
    expect(JSON.stringify(problemFromError(system).body)).not.toContain('ECONNREFUSED');
  });
});

describe('service reply envelope', () => {
  it('wraps values and typed failures; unexpected errors become a generic internal error', async () => {
    await expect(toReply(() => 42)).resolves.toEqual({ ok: true, value: 42 });
    await expect(toReply(() => Promise.reject(new DomainError('not_found', 'gone')))).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'gone' },
    });
    const seen: unknown[] = [];
    const reply = await toReply(
      () => {
        throw new Error('ssn 123-45-6789');
      },
      (err) => seen.push(err),
    );
    expect(reply).toEqual({
      ok: false,
      error: { code: 'internal', message: 'An unexpected error occurred.' },
    });
    expect(seen).toHaveLength(1);
  });

  it('reports zod failures as validation with field errors', () => {
    const err = z.object({ n: z.number() }).safeParse({}).error;
    expect(toServiceError(err)).toMatchObject({ code: 'validation', details: { errors: [{ path: 'n' }] } });
  });
});
