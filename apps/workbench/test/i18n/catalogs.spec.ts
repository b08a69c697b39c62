import { CATALOGS, PARTS } from '../../src/i18n/catalogs';

const { en, es } = CATALOGS;

type Catalog = { [key: string]: string | Catalog };

/** Every leaf of a catalog as `path.to.key` -> its text (a non-string leaf is reported as such). */
function leaves(catalog: Catalog, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of leaves(value, path)) out.set(k, v);
    } else out.set(path, value);
  }
  return out;
}

/** The {{placeholders}} a text interpolates, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

describe('the English and Spanish catalogs', () => {
  const english = leaves(en);
  const spanish = leaves(es);

  it('have exactly the same keys', () => {
    const onlyEnglish = [...english.keys()].filter((k) => !spanish.has(k));
    const onlySpanish = [...spanish.keys()].filter((k) => !english.has(k));
    expect({ onlyEnglish, onlySpanish }).toEqual({ onlyEnglish: [], onlySpanish: [] });
    expect(english.size).toBeGreaterThan(50);
  });

  it('have a non-empty string for every key', () => {
    for (const [name, catalog] of [
      ['en', english],
      ['es', spanish],
    ] as const) {
      const bad = [...catalog]
        .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
        .map(([k]) => `${name}: ${k}`);
      expect(bad).toEqual([]);
    }
  });

  it('interpolate the same placeholders in both languages', () => {
    const differ = [...english]
      .filter(([k]) => spanish.has(k))
      .filter(
        ([k, v]) =>
          JSON.stringify(placeholders(String(v))) !== JSON.stringify(placeholders(String(spanish.get(k)))),
      )
      .map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('come from parts that never define the same top-level key twice', () => {
    for (const parts of [PARTS.en, PARTS.es]) {
      const seen = parts.flatMap((part) => Object.keys(part));
      expect(seen.filter((key, i) => seen.indexOf(key) !== i)).toEqual([]);
    }
  });
});
