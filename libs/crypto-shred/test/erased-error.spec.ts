import { problemFromError, replyTo } from '@lse/service-kit';
import { SubjectErasedError } from '../src';

const metrics = { timeCommand: <T>(_pattern: string, run: () => Promise<T>) => run() };
const envelope = { actor: { id: 'inv-1', role: 'investigator' }, correlationId: 'c-1', data: {} };

describe('a command for an erased person (docs/erasure.md)', () => {
  it('is answered 409 problem+json saying the data was erased, not an unexpected 500', () => {
    const problem = problemFromError(new SubjectErasedError());
    expect(problem.expected).toBe(true);
    expect(problem.status).toBe(409);
    expect(problem.body).toMatchObject({
      type: expect.stringContaining('subject-erased'),
      title: "This person's data was erased; the record cannot be changed",
      detail: expect.stringContaining('erased'),
    });
  });

  it('crosses the service reply as the code subject_erased, logged as nothing unexpected', async () => {
    const logged: object[] = [];
    const reply = await replyTo(metrics, { error: (d: object) => logged.push(d) }, 'p', envelope, () =>
      Promise.reject(new SubjectErasedError()),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'subject_erased' } });
    expect(logged).toEqual([]);
  });
});
