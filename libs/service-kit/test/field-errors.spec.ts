import { z } from 'zod';
import { fieldErrorsFromZod } from '../src/problems/field-errors';

/** Field errors say what to do, with a code and bound a client can say in its own language. */
describe('field errors from zod issues', () => {
  const errorsOf = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) throw new Error('expected the value to be refused');
    return fieldErrorsFromZod(parsed.error.issues);
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

  it('a value of the wrong kind says what kind, whatever was sent', () => {
    for (const sent of [null, 42, 'text'])
      expect(errorsOf(z.strictObject({}), sent)).toEqual([
        { path: '', code: 'invalid_type', message: 'Expected an object.' },
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

  it('a bound that is itself refused says so (more than 0, not 0 or more)', () => {
    expect(errorsOf(z.int().positive(), 0)).toEqual([
      { path: '', code: 'too_small', limit: 0, inclusive: false, message: 'Enter more than 0.' },
    ]);
    expect(errorsOf(z.number().lt(10), 10)).toEqual([
      { path: '', code: 'too_big', limit: 10, inclusive: false, message: 'Enter less than 10.' },
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
    // A check given its own words keeps them: they may say more than the bound.
    const Amount = z
      .int()
      .positive({ error: 'must be a positive amount of cents (negative or zero amounts are refused)' });
    expect(errorsOf(Amount, -5)).toEqual([
      { path: '', message: 'must be a positive amount of cents (negative or zero amounts are refused)' },
    ]);
  });
});

function randomId() {
  return crypto.randomUUID();
}
