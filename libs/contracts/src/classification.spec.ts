import { z } from 'zod';
import {
  classificationOf,
  classifications,
  classify,
  personal,
  pub,
  CLASSIFICATIONS,
} from './classification';
import { EXEMPTION_CATALOGS, FEDERAL_FOIA, exemptionsFor } from './exemptions';

describe('classify', () => {
  it('classifies a copy, so one building block can carry different classifications', () => {
    const base = z.string();
    const name = personal(base);
    const city = pub(base);
    expect(classificationOf(base)).toBeUndefined();
    expect(classificationOf(name)).toBe('personal');
    expect(classificationOf(city)).toBe('public');
    expect(name.parse('x')).toBe('x');
  });

  it('is kept by refinements made after classifying, but not by wrappers (the walker looks inside those)', () => {
    const name = personal(z.string());
    expect(classificationOf(name.min(2).refine((s) => s !== 'x'))).toBe('personal');
    expect(classificationOf(name.optional())).toBeUndefined();
    expect(classificationOf(name.optional().unwrap())).toBe('personal');
  });

  it('can use another registry', () => {
    const other = z.registry<{ classification: (typeof CLASSIFICATIONS)[number] }>();
    const field = classify('commercial', z.number(), other);
    expect(classificationOf(field, other)).toBe('commercial');
    expect(classificationOf(field, classifications)).toBeUndefined();
  });
});

describe('exemptionsFor (federal)', () => {
  it.each([
    ['public', true, []],
    ['personal', true, ['(b)(6)', '(b)(7)(C)']],
    ['confidential_source', false, ['(b)(7)(D)']],
    ['deliberative', false, ['(b)(5)']],
    ['commercial', false, ['(b)(4)']],
    ['enforcement_sensitive', true, ['(b)(7)(A)', '(b)(7)(E)']],
    ['enforcement_sensitive', false, ['(b)(7)(E)']],
  ] as const)('%s with caseOpen=%p cites %p', (classification, caseOpen, codes) => {
    expect(exemptionsFor(classification, { caseOpen })).toEqual(codes);
  });

  it('covers every classification with codes the catalog defines', () => {
    for (const catalog of Object.values(EXEMPTION_CATALOGS)) {
      expect(Object.keys(catalog.byClassification).sort()).toEqual([...CLASSIFICATIONS].sort());
      for (const rules of Object.values(catalog.byClassification)) {
        for (const rule of rules) expect(catalog.exemptions).toHaveProperty([rule.code]);
      }
    }
  });

  it('reads catalogs as data keyed by jurisdiction', () => {
    const catalogs = {
      ...EXEMPTION_CATALOGS,
      'us-ca': {
        ...FEDERAL_FOIA,
        jurisdiction: 'us-ca',
        law: 'Cal. Gov. Code 7920.000 et seq.',
        exemptions: { '7927.705': 'personnel and similar files' },
        byClassification: { ...FEDERAL_FOIA.byClassification, personal: [{ code: '7927.705' }] },
      },
    };
    expect(exemptionsFor('personal', { caseOpen: false, jurisdiction: 'us-ca', catalogs })).toEqual([
      '7927.705',
    ]);
    expect(() => exemptionsFor('personal', { caseOpen: false, jurisdiction: 'atlantis' })).toThrow(
      /atlantis/,
    );
  });
});
