import { z } from 'zod';
import { classifyData, isFreeTextSchema, UnclassifiedDataError } from './classify-data';
import { dataSubject } from './data-subjects';
import { instant, isoDate, officeCode, text, uuid } from './fields';
import { personal, pub } from './classification';
import { ComplaintReceived } from './complaint';
import { PLANTED, complaintReceived } from './complaint/examples';

const at = (result: ReturnType<typeof classifyData>, path: string) =>
  result.find((entry) => entry.path.join('.') === path)?.classification;

describe('classifyData', () => {
  const data = ComplaintReceived.parse(1, complaintReceived());
  const result = classifyData(ComplaintReceived.schema, data);

  it('raises the identity of a complainant who asked for confidentiality to confidential_source', () => {
    expect(at(result, 'complainants.0.name')).toBe('confidential_source');
    expect(at(result, 'complainants.0.address.street')).toBe('confidential_source');
    expect(at(result, 'complainants.0.role')).toBe('public');
    expect(at(result, 'complainants.1.preferredLanguage')).toBe('personal');
  });

  it('classifies the rest per field', () => {
    expect(at(result, 'channel')).toBe('public');
    expect(at(result, 'employer.fein')).toBe('commercial');
    expect(at(result, 'employer.address.city')).toBe('public');
    expect(at(result, 'allegations.0.description')).toBe('personal');
    expect(at(result, 'intakeNotes')).toBe('deliberative');
  });

  it('never marks a planted identity public', () => {
    for (const planted of Object.values(PLANTED)) {
      const hits = result.filter(
        (entry) => typeof entry.value === 'string' && entry.value.includes(planted.split(' ')[0]),
      );
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) expect(hit.classification).not.toBe('public');
    }
  });

  it('fails closed on data the schema does not classify', () => {
    const schema = z.object({ a: pub(z.string()), b: z.string() });
    expect(() => classifyData(schema, { a: 'x', b: 'y' })).toThrow(UnclassifiedDataError);
    expect(() => classifyData(z.object({ a: pub(z.string()) }), { a: 'x', smuggled: 'y' })).toThrow(
      /smuggled/,
    );
  });

  it('follows union options, records and classified containers', () => {
    const schema = z.object({
      either: z.union([z.object({ n: pub(z.number()) }), z.object({ s: personal(z.string()) })]),
      byWorker: z.record(personal(z.string()), pub(z.number())),
      blob: personal(z.unknown()),
    });
    const out = classifyData(schema, { either: { s: 'x' }, byWorker: { Ana: 3 }, blob: { deep: ['v'] } });
    expect(out).toEqual([
      { path: ['either', 's'], value: 'x', classification: 'personal', freeText: true },
      { path: ['byWorker', 'Ana'], value: 'Ana', classification: 'personal', isKey: true },
      { path: ['byWorker', 'Ana'], value: 3, classification: 'public' },
      { path: ['blob', 'deep', 0], value: 'v', classification: 'personal' },
    ]);
  });

  it('flags narrative free text only: not ids, dates, codes, enums or short structured text', () => {
    expect(isFreeTextSchema(text(2000))).toBe(true);
    expect(isFreeTextSchema(text(500))).toBe(true);
    expect(isFreeTextSchema(z.string())).toBe(true);
    for (const structured of [
      text(200),
      uuid(),
      instant(),
      isoDate(),
      officeCode(),
      z.email(),
      z.enum(['a']),
    ])
      expect(isFreeTextSchema(structured)).toBe(false);
  });
});

describe('classifyData for crypto-shredding (withSubjects)', () => {
  it('an intersection visits a value twice and still yields one entry per path', () => {
    const schema = z.intersection(
      z.object({ a: personal(z.string()) }),
      z.object({ a: personal(z.string()) }),
    );
    // An unbounded string is free text (isFreeTextSchema), hence the flag.
    expect(classifyData(schema, { a: 'x' })).toEqual([
      { path: ['a'], value: 'x', classification: 'personal', freeText: true },
    ]);
  });

  it("says whose each value is: a marked object's id, else a workerId beside it, else a workerIds element", () => {
    const schema = z.object({
      complainants: z.array(
        dataSubject(
          'complainant',
          'complainantId',
          z.object({ complainantId: personal(z.string()), name: personal(z.string()) }),
        ),
      ),
      rows: z.array(z.object({ workerId: personal(z.string()), hours: personal(z.number()).optional() })),
      workerIds: personal(z.array(z.string())),
      note: personal(z.string()),
    });
    const data = {
      complainants: [{ complainantId: 'C-1', name: 'n' }],
      rows: [{ workerId: 'W-1', hours: 8 }],
      workerIds: ['W-2'],
      note: 't',
    };
    const whose = classifyData(schema, data, undefined, { withSubjects: true }).map((e) => [
      e.path.join('.'),
      e.subject,
      e.optional ?? false,
    ]);
    expect(whose).toEqual([
      ['complainants.0.complainantId', 'complainant:c-1', false],
      ['complainants.0.name', 'complainant:c-1', false],
      ['rows.0.workerId', 'worker:w-1', false],
      ['rows.0.hours', 'worker:w-1', true],
      ['workerIds.0', 'worker:w-2', false],
      ['note', undefined, false],
    ]);
  });
});
