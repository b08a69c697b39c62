import { z } from 'zod';
import { classifyData, isFreeTextSchema, UnclassifiedDataError } from './classify-data';
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
