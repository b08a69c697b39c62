import { z } from 'zod';
import { classify, type ClassificationMeta } from './classification';
import { findUnclassifiedFields } from './unclassified';
import { EventRegistry, eventRegistry } from './registry';
import { EventMetadataSchema } from './envelope';
import { COMPLAINT_EVENTS } from './complaint';

describe('every registered event type is classified field by field', () => {
  it('knows the complaint stream events', () => {
    expect(eventRegistry.list().map((d) => d.type)).toEqual(
      expect.arrayContaining(Object.keys(COMPLAINT_EVENTS)),
    );
  });

  it.each(eventRegistry.list().map((d) => [d.type, d] as const))(
    '%s has no unclassified field',
    (_type, definition) => {
      expect(findUnclassifiedFields(definition.schema)).toEqual([]);
    },
  );

  it('the envelope metadata has no unclassified field', () => {
    expect(findUnclassifiedFields(EventMetadataSchema)).toEqual([]);
  });
});

describe('findUnclassifiedFields (can fail)', () => {
  // A throwaway classification registry and event registry: nothing leaks into the real ones.
  const registry = z.registry<ClassificationMeta>();
  const pub = <S extends z.ZodType>(s: S) => classify('public', s, registry);
  const personal = <S extends z.ZodType>(s: S) => classify('personal', s, registry);

  const events = new EventRegistry();
  const Planted = events.define({
    type: 'PlantedUnclassified',
    category: 'test',
    version: 1,
    schema: z.strictObject({
      ok: pub(z.string()),
      worker: z.object({
        name: z.string(), // forgotten
        phone: personal(z.string()).optional(),
        languages: z.array(z.string()).nullable(), // forgotten
      }),
      kind: z.discriminatedUnion('k', [
        z.object({ k: pub(z.literal('a')), note: z.string().optional() }), // note forgotten
        z.object({ k: pub(z.literal('b')) }),
      ]),
      status: z.enum(['x', 'y']), // forgotten
      amounts: z.record(pub(z.string()), z.number()), // values forgotten
      labels: z.record(z.string(), pub(z.number())), // keys forgotten
      pair: z.tuple([pub(z.string()), z.boolean()]), // second item forgotten
      contact: personal(z.object({ anything: z.string(), nested: z.array(z.object({ deep: z.number() })) })),
      loose: z.object({ a: pub(z.string()) }).catchall(z.unknown()), // extra keys forgotten
      plain: pub(z.object({ x: z.string() })).default({ x: '' }),
    }),
  });

  it('reports the exact path of every unclassified leaf', () => {
    expect(findUnclassifiedFields(Planted.schema, registry)).toEqual([
      'worker.name',
      'worker.languages[]',
      'kind.note',
      'status',
      'amounts.*',
      'labels.<key>',
      'pair[1]',
      'loose.*',
    ]);
  });

  it('reports an unclassified root leaf and follows recursive schemas without looping', () => {
    expect(findUnclassifiedFields(z.string(), registry)).toEqual(['(root)']);
    type Node = { name: string; children: Node[] };
    const NodeSchema: z.ZodType<Node> = z.lazy(() =>
      z.object({ name: z.string(), children: z.array(NodeSchema) }),
    );
    expect(findUnclassifiedFields(NodeSchema, registry)).toEqual(['name']);
  });

  it('passes once the fields are classified', () => {
    const fixed = z.object({ a: pub(z.string()), b: z.array(personal(z.string())).optional() });
    expect(findUnclassifiedFields(fixed, registry)).toEqual([]);
  });
});
