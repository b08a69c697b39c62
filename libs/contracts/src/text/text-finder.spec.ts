import { findInText, NameFinder, type TextFinding } from './text-finder';
import { findPatterns } from './text-patterns';

const found = (text: string, findings: TextFinding[]) =>
  findings.map((f) => [f.kind, text.slice(f.start, f.end)]);

describe('names known to the case in free text (5 U.S.C. 552(b)(6), (b)(7)(C))', () => {
  const names = new NameFinder(['José García López', 'Rosa Planted-Complainant', 'Li Wu', 'Will Stone']);
  const names_ = (text: string) => found(text, names.find(text));

  it('finds a full name case-insensitively and as one finding', () => {
    expect(names_('Spoke with JOSÉ GARCÍA LÓPEZ on Monday.')).toEqual([['name', 'JOSÉ GARCÍA LÓPEZ']]);
    expect(names_('rosa planted-complainant called.')).toEqual([['name', 'rosa planted-complainant']]);
  });

  it('tolerates accents written or not, either way', () => {
    expect(names_('Jose Garcia Lopez signed.')).toEqual([['name', 'Jose Garcia Lopez']]);
    expect(new NameFinder(['Jose Garcia']).find('José García signed.')).toEqual([
      { kind: 'name', start: 0, end: 11 },
    ]);
  });

  it('finds "Last, First" and "First Last" without the middle name', () => {
    expect(names_('Witness: López, José.')).toEqual([['name', 'López, José']]);
    expect(names_('Witness: García López, José.')).toEqual([['name', 'García López, José']]);
    expect(names_('José López was paid late.')).toEqual([['name', 'José López']]);
  });

  it('finds a part of 3 letters or more alone, and a hyphenated piece when capitalised', () => {
    expect(names_('García said the boss shouted.')).toEqual([['name', 'García']]);
    expect(names_('Ms. Planted asked for a letter.')).toEqual([['name', 'Planted']]);
  });

  it('keeps the spans of the original text when folding changes its length', () => {
    const text = 'Nota: Jose\u0301 Garci\u0301a llamó.'; // decomposed accents
    const [f] = names.find(text);
    expect(text.slice(f.start, f.end)).toBe('Jose\u0301 Garci\u0301a');
  });

  it('does not match a part shorter than 3 letters alone (false positives)', () => {
    expect(names_('Li said it; Wu agreed. A lien was filed.')).toEqual([]);
    expect(names_('Li Wu came in.')).toEqual([['name', 'Li Wu']]);
  });

  it('does not match a name that is a common word unless capitalised (false positives)', () => {
    expect(names_('The employer will pay; the stone wall; the rent rose.')).toEqual([]);
    expect(names_('Rosa came; Will agreed.')).toEqual([
      ['name', 'Rosa'],
      ['name', 'Will'],
    ]);
    expect(names_('The planted trees. A complainant came.')).toEqual([]);
  });

  it('matches on word boundaries only (false positives)', () => {
    expect(names_('Joseph and Garcias and rosary are not anyone here.')).toEqual([]);
  });

  it('finds nothing when the case knows no names', () => {
    expect(new NameFinder([]).find('Anyone at all')).toEqual([]);
  });
});

describe('personal data by pattern in free text (5 U.S.C. 552(b)(6), (b)(7)(C))', () => {
  const patterns = (text: string) => found(text, findPatterns(text));

  it('finds US phone numbers in their usual shapes', () => {
    expect(patterns('Call +1 415 555 0199 or (415) 555-0100, 415.555.0111, 4155550122.')).toEqual([
      ['phone', '+1 415 555 0199'],
      ['phone', '(415) 555-0100'],
      ['phone', '415.555.0111'],
      ['phone', '4155550122'],
    ]);
  });

  it('finds an international number written with +', () => {
    expect(patterns('Her sister: +52 55 1234 5678.')).toEqual([['phone', '+52 55 1234 5678']]);
  });

  it('finds e-mail addresses', () => {
    expect(patterns('Wrote to rosa.p+work@example.org today.')).toEqual([
      ['email', 'rosa.p+work@example.org'],
    ]);
  });

  it('finds SSNs and ITINs, bare digits only after a label', () => {
    expect(patterns('SSN 123-45-6789; ITIN 912 78 1234; SSN: 123456789; ref 123456789.')).toEqual([
      ['ssn', '123-45-6789'],
      ['itin', '912 78 1234'],
      ['ssn', '123456789'],
    ]);
  });

  it('does not take numbers the SSA never issues for an SSN', () => {
    expect(patterns('000-12-3456 666-12-3456 123-00-4567 123-45-0000')).toEqual([]);
  });

  it('finds US street addresses with unit, city, state and ZIP, and P.O. boxes', () => {
    expect(patterns('Lives at 1234 Mission St., Apt 5, San Francisco, CA 94110 since May.')).toEqual([
      ['address', '1234 Mission St., Apt 5, San Francisco, CA 94110'],
    ]);
    expect(patterns('Mail to P.O. Box 4411.')).toEqual([['address', 'P.O. Box 4411']]);
    expect(patterns('At 55 W 5th Avenue.')).toEqual([['address', '55 W 5th Avenue']]);
  });

  it('leaves dates, amounts, hours, case numbers and FEINs alone (false positives)', () => {
    expect(
      patterns(
        'On 2026-03-14 she worked 52.5 hours for $1,234.56; case LSE-2026-000123; FEIN 94-1234567; worked 12 hours on the street; 3 Main concerns.',
      ),
    ).toEqual([]);
  });
});

describe('findInText', () => {
  it('gives one finding where a name and a pattern overlap, in text order', () => {
    const names = new NameFinder(['Rosa Planted-Complainant']);
    const text = 'Rosa Planted-Complainant (rosa@example.org, 415-555-0199) lives at 12 Rosa Street.';
    expect(found(text, findInText(text, names))).toEqual([
      ['name', 'Rosa Planted-Complainant'],
      ['email', 'rosa@example.org'],
      ['phone', '415-555-0199'],
      ['address', '12 Rosa Street'],
    ]);
  });
});

describe('a confidential source named in free text (5 U.S.C. 552(b)(7)(D))', () => {
  it('flags the finding when the case records the name as a confidential source', () => {
    const names = new NameFinder([{ name: 'Ana Ortiz', confidential: true }, 'Ana Ortiz', 'Luis Vega']);
    expect(names.find('Ana Ortiz and Luis Vega')).toEqual([
      { kind: 'name', start: 0, end: 9, confidential: true },
      { kind: 'name', start: 14, end: 23 },
    ]);
  });
});
