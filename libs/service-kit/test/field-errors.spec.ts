import { z } from 'zod';
import { fieldErrorsFromZod, type ZodLikeIssue } from '../src/problems/field-errors';

/** Field errors say what to do, with a code and bound a client can say in its own language. */
describe('field errors from zod issues', () => {
  const errorsOf = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) throw new Error('expected the value to be refused');
    return fieldErrorsFromZod(parsed.error.issues as ZodLikeIssue[]);
  };
  const Form = z.strictObject({
    name: z.string().min(1).max(200),
    note: z.string().min(5).max(10).optional(),
    caseIds: z.array(z.uuid()).min(1).max(2),
    email: z.email().optional(),
    amountCents: z.int().min(0).optional(),
    jurisdiction: z.enum(['federal', 'california']).optional(),
    receivedOn: z.iso.date().optional(),
  });

  it('a missing or empty text is required', () => {
    expect(errorsOf(Form, { caseIds: [randomId()] })).toEqual([
      { path: 'name', code: 'required', message: 'Required: enter a value.' },
    ]);
    expect(errorsOf(Form, { name: '', caseIds: [randomId()] })).toEqual([
      { path: 'name', code: 'required', message: 'Required: enter a value.' },
    ]);
  });

  it('sizes name their bound', () => {
    expect(errorsOf(Form, { name: 'x'.repeat(201), note: 'abc', caseIds: [] })).toEqual([
      { path: 'name', code: 'too_long', limit: 200, message: 'Too long: use at most 200 characters.' },
      { path: 'note', code: 'too_short', limit: 5, message: 'Too short: use at least 5 characters.' },
      { path: 'caseIds', code: 'too_few', limit: 1, message: 'Add at least one.' },
    ]);
    expect(
      errorsOf(Form, { name: 'A', caseIds: [randomId(), randomId(), randomId()], amountCents: -1 }),
    ).toEqual([
      { path: 'caseIds', code: 'too_many', limit: 2, message: 'At most 2 items.' },
      { path: 'amountCents', code: 'too_small', limit: 0, message: 'Enter 0 or more.' },
    ]);
  });

  it('formats and options say what is expected, with an example', () => {
    expect(
      errorsOf(Form, {
        name: 'A',
        caseIds: ['3f2b'],
        email: 'ana',
        jurisdiction: 'texas',
        receivedOn: '2026-13-01',
      }),
    ).toEqual([
      {
        path: 'caseIds.0',
        code: 'invalid_format',
        format: 'uuid',
        message: 'Enter an id as the system shows it, like 3f2b6c1e-8d4a-4c4e-9a57-2b1f0c9d7e61.',
      },
      {
        path: 'email',
        code: 'invalid_format',
        format: 'email',
        message: 'Enter an e-mail address, like name@example.org.',
      },
      {
        path: 'jurisdiction',
        code: 'invalid_option',
        options: ['federal', 'california'],
        message: 'Choose one of: federal, california.',
      },
      {
        path: 'receivedOn',
        code: 'invalid_format',
        format: 'date',
        message: 'Enter a date as YYYY-MM-DD, like 2026-03-02.',
      },
    ]);
  });

  it('names fields the request does not take, and keeps a rule’s own message as written', () => {
    expect(errorsOf(Form, { name: 'A', caseIds: [randomId()], extra: 1 })).toEqual([
      { path: '', code: 'unknown_field', message: 'Remove what this request does not take: extra.' },
    ]);
    const Refined = z.string().refine((s) => s !== 'x', 'Pick another name: x is reserved.');
    expect(errorsOf(Refined, 'x')).toEqual([{ path: '', message: 'Pick another name: x is reserved.' }]);
  });
});

function randomId() {
  return crypto.randomUUID();
}
