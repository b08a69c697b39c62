import { CALIFORNIA_CPRA, EXEMPTION_CATALOGS, exemptionsFor } from './exemptions';

describe('the California Public Records Act catalog (Cal. Gov. Code 7920.000 et seq.)', () => {
  const cites = (classification: Parameters<typeof exemptionsFor>[0], caseOpen: boolean) =>
    exemptionsFor(classification, { caseOpen, jurisdiction: 'california' });

  it('is the catalog of the "california" jurisdiction', () => {
    expect(EXEMPTION_CATALOGS.california).toBe(CALIFORNIA_CPRA);
    expect(CALIFORNIA_CPRA.law).toContain('Cal. Gov. Code 7920.000');
  });

  it.each([
    ['personal', ['Gov. Code 7927.700', 'Cal. Const. art. I, 1']],
    ['confidential_source', ['Gov. Code 7923.600', 'Gov. Code 7927.705', 'Evid. Code 1041']],
    ['deliberative', ['Gov. Code 7922.000']],
    ['commercial', ['Gov. Code 7927.705', 'Evid. Code 1060']],
    ['public', []],
  ] as const)('%s cites %p', (classification, codes) => {
    expect(cites(classification, true)).toEqual(codes);
    expect(cites(classification, false)).toEqual(codes);
  });

  it('enforcement-sensitive data cites Gov. Code 7923.600 open or closed (the investigatory-file exemption does not lapse)', () => {
    const codes = ['Gov. Code 7923.600', 'Gov. Code 7927.705', 'Evid. Code 1040'];
    expect(cites('enforcement_sensitive', true)).toEqual(codes);
    expect(cites('enforcement_sensitive', false)).toEqual(codes);
  });

  it('keeps every code short enough for a recorded redaction (RedactionApplied: 40 characters)', () => {
    for (const code of Object.keys(CALIFORNIA_CPRA.exemptions)) expect(code.length).toBeLessThanOrEqual(40);
  });
});
