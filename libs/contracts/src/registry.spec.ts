import { z } from 'zod';
import { EventRegistry } from './registry';
// Through the entry point: importing it is what registers the product's event types.
import { eventRegistry, parseEventData, upcast } from '.';
import { EventDataInvalidError, UnknownEventTypeError, UnsupportedSchemaVersionError } from './errors';
import { pub, personal } from './classification';
import { complaintReceived } from './complaint/examples';

/*
 * Example history of one event type: v1 stored `workerName` as one string and wages in dollars
 * (a float); v2 split the name; v3 moved to integer cents. Old events stay as they were stored.
 */
const registry = new EventRegistry();
const WagesClaimed = registry.define({
  type: 'WagesClaimed',
  category: 'example',
  version: 3,
  schema: z.strictObject({
    givenName: personal(z.string().min(1)),
    familyName: personal(z.string()),
    amountCents: pub(z.int().nonnegative()),
  }),
  upcasters: {
    1: ({ workerName, ...rest }) => {
      const [givenName, ...family] = String(workerName).split(' ');
      return { ...rest, givenName, familyName: family.join(' ') };
    },
    2: ({ amountDollars, ...rest }) => ({ ...rest, amountCents: Math.round(Number(amountDollars) * 100) }),
  },
});

describe('event registry', () => {
  const storedV1 = Object.freeze({ workerName: 'Ana María López', amountDollars: 1234.56 });

  it('upcasts stored data of older versions into the current shape without touching it', () => {
    expect(WagesClaimed.upcast(1, storedV1)).toEqual({
      givenName: 'Ana',
      familyName: 'María López',
      amountCents: 123456,
    });
    expect(
      registry.upcast('WagesClaimed', 2, { givenName: 'A', familyName: 'B', amountDollars: 0.29 }),
    ).toEqual({
      givenName: 'A',
      familyName: 'B',
      amountCents: 29,
    });
    expect(storedV1).toEqual({ workerName: 'Ana María López', amountDollars: 1234.56 });
  });

  it('parses = upcast then validate; the current version is read as is', () => {
    expect(registry.parse('WagesClaimed', 1, storedV1)).toEqual({
      givenName: 'Ana',
      familyName: 'María López',
      amountCents: 123456,
    });
    expect(WagesClaimed.parse(3, { givenName: 'A', familyName: '', amountCents: 1 })).toEqual({
      givenName: 'A',
      familyName: '',
      amountCents: 1,
    });
  });

  it('reports invalid data with readable paths, after upcasting', () => {
    expect(() => WagesClaimed.parse(1, { workerName: '', amountDollars: -1 })).toThrow(
      new EventDataInvalidError('WagesClaimed', [
        { path: 'givenName', message: 'Too small: expected string to have >=1 characters' },
        { path: 'amountCents', message: 'Too small: expected number to be >=0' },
      ]),
    );
    try {
      WagesClaimed.parse(3, { givenName: 'A', familyName: 'B', amountCents: 1, extra: true });
      throw new Error('should not parse');
    } catch (error) {
      expect(error).toBeInstanceOf(EventDataInvalidError);
      expect((error as EventDataInvalidError).code).toBe('validation');
      expect((error as EventDataInvalidError).issues).toEqual([
        { path: '(root)', message: 'Unrecognized key: "extra"' },
      ]);
    }
    expect(() => WagesClaimed.parse(3, 'not an object')).toThrow(EventDataInvalidError);
  });

  it('refuses versions it cannot read and types it does not know', () => {
    expect(() => WagesClaimed.parse(4, {})).toThrow(UnsupportedSchemaVersionError);
    expect(() => WagesClaimed.parse(0, {})).toThrow(UnsupportedSchemaVersionError);
    expect(() => registry.parse('Nope', 1, {})).toThrow(UnknownEventTypeError);
  });

  it('refuses incomplete or conflicting definitions', () => {
    const spec = { type: 'Other', category: 'example', schema: z.object({}) };
    expect(() => registry.define({ ...spec, version: 3, upcasters: { 1: (d) => d } })).toThrow(
      /version 2 to 3/,
    );
    expect(() => registry.define({ ...spec, version: 1, upcasters: { 1: (d) => d } })).toThrow(/not below 1/);
    expect(() => registry.define({ ...spec, type: 'WagesClaimed', version: 1 })).toThrow(/already defined/);
    expect(() => registry.define({ ...spec, category: 'Bad-Category', version: 1 })).toThrow(/lower case/);
  });

  it('creates new events at the current version with validated data and metadata', () => {
    const metadata = {
      actor: { id: 'u-1', role: 'investigator' as const },
      correlationId: 'c-1',
      sourceService: 'investigation',
      occurredAt: '2026-01-15T12:00:00Z',
    };
    const event = WagesClaimed.create({
      eventId: '00000000-0000-4000-8000-000000000009',
      data: { givenName: 'A', familyName: 'B', amountCents: 5 },
      metadata,
    });
    expect(event).toEqual({
      eventId: '00000000-0000-4000-8000-000000000009',
      type: 'WagesClaimed',
      schemaVersion: 3,
      data: { givenName: 'A', familyName: 'B', amountCents: 5 },
      metadata,
    });
    expect(() =>
      WagesClaimed.create({
        eventId: 'x',
        data: { givenName: 'A', familyName: 'B', amountCents: 5 },
        metadata,
      }),
    ).toThrow();
    expect(() =>
      WagesClaimed.create({
        eventId: 'x',
        data: { givenName: '', familyName: 'B', amountCents: 5 },
        metadata,
      }),
    ).toThrow(EventDataInvalidError);
  });

  it('module-level helpers read the product registry', () => {
    const data = complaintReceived();
    expect(upcast('ComplaintReceived', 1, data)).toBe(data);
    expect(() =>
      parseEventData('ComplaintReceived', 1, {
        ...data,
        complainants: [{ ...data.complainants[0], email: 'nope' }],
      }),
    ).toThrow('invalid ComplaintReceived: complainants[0].email: Invalid email address');
    expect(eventRegistry.get('WagesClaimed')).toBeUndefined();
  });
});
