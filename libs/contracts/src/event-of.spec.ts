import { z } from 'zod';
import { complaintEventOf, eventOf, eventParser, toNewEvent } from '.';
import { complaintReceived } from './complaint/examples';
import { EventDataInvalidError, UnknownEventTypeError, UnsupportedSchemaVersionError } from './errors';
import { pub } from './classification';
import { EventRegistry } from './registry';

/* One event type with a history: v1 stored dollars as a float, v2 integer cents. */
const registry = new EventRegistry();
const AmountClaimed = registry.define({
  type: 'AmountClaimed',
  category: 'example',
  version: 2,
  schema: z.strictObject({ amountCents: pub(z.int().nonnegative()) }),
  upcasters: { 1: ({ amountDollars }) => ({ amountCents: Math.round(Number(amountDollars) * 100) }) },
});
const exampleEventOf = eventParser<{ type: 'AmountClaimed'; data: { amountCents: number } }>({
  AmountClaimed,
});

describe('eventOf: a stored event as deciders fold it', () => {
  it('upcasts an older version and validates the result', () => {
    expect(
      exampleEventOf({ type: 'AmountClaimed', schemaVersion: 1, data: { amountDollars: 12.5 } }),
    ).toEqual({
      type: 'AmountClaimed',
      data: { amountCents: 1250 },
    });
    expect(() =>
      exampleEventOf({ type: 'AmountClaimed', schemaVersion: 1, data: { amountDollars: -1 } }),
    ).toThrow(EventDataInvalidError);
  });

  it('does not validate the current version again: create stored the parsed data', () => {
    const stored = { amountCents: 1250 };
    expect(exampleEventOf({ type: 'AmountClaimed', schemaVersion: 2, data: stored }).data).toBe(stored);
    // What create stores is what it parsed (trimmed text included), so reading it back is the same.
    const created = toNewEvent(
      { type: 'ComplaintReceived', data: { ...complaintReceived(), intakeNotes: '  called twice  ' } },
      '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      {
        actor: { id: 'ana@agency.gov', role: 'intake_officer' },
        correlationId: 'c-1',
        sourceService: 'intake',
        occurredAt: '2026-03-02T10:00:00Z',
      },
    );
    const read = complaintEventOf(JSON.parse(JSON.stringify(created)) as typeof created);
    expect(read.data).toEqual(created.data);
    expect((read.data as { intakeNotes: string }).intakeNotes).toBe('called twice');
  });

  it('refuses an unknown type, a type of another category, and a version it cannot read', () => {
    expect(() => eventOf({ type: 'NoSuchEvent', schemaVersion: 1, data: {} })).toThrow(UnknownEventTypeError);
    expect(() => complaintEventOf({ type: 'InvestigationOpened', schemaVersion: 1, data: {} })).toThrow(
      UnknownEventTypeError,
    );
    expect(() => exampleEventOf({ type: 'AmountClaimed', schemaVersion: 3, data: {} })).toThrow(
      UnsupportedSchemaVersionError,
    );
    expect(() => exampleEventOf({ type: 'AmountClaimed', schemaVersion: 2, data: [] })).toThrow(
      EventDataInvalidError,
    );
  });
});
