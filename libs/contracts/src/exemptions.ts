import type { Classification } from './classification';

export interface ExemptionRule {
  code: string;
  /** Applies only while the case is open (federal (b)(7)(A): interference with proceedings). */
  whileCaseOpen?: boolean;
}

/** A public-records law's exemptions and what each classification usually cites. Data, not code. */
export interface ExemptionCatalog {
  jurisdiction: string;
  law: string;
  exemptions: Record<string, string>;
  byClassification: Record<Classification, ExemptionRule[]>;
}

/** Federal FOIA, 5 U.S.C. 552(b) (shared/domain/public-records.md). */
export const FEDERAL_FOIA: ExemptionCatalog = {
  jurisdiction: 'federal',
  law: '5 U.S.C. 552(b)',
  exemptions: {
    '(b)(1)': 'classified national defense or foreign policy information',
    '(b)(2)': 'internal personnel rules and practices',
    '(b)(3)': 'information exempted by another statute',
    '(b)(4)': 'trade secrets and confidential commercial or financial information',
    '(b)(5)': 'privileged inter- or intra-agency memoranda (deliberative process, attorney work product)',
    '(b)(6)': 'clearly unwarranted invasion of personal privacy',
    '(b)(7)(A)': 'interference with enforcement proceedings',
    '(b)(7)(B)': 'deprivation of a right to a fair trial',
    '(b)(7)(C)': 'unwarranted invasion of personal privacy in law-enforcement records',
    '(b)(7)(D)': 'identity of a confidential source or information it furnished',
    '(b)(7)(E)': 'investigative techniques, procedures or guidelines',
    '(b)(7)(F)': 'danger to the life or physical safety of an individual',
    '(b)(8)': 'supervision of financial institutions',
    '(b)(9)': 'geological and geophysical information about wells',
  },
  byClassification: {
    public: [],
    personal: [{ code: '(b)(6)' }, { code: '(b)(7)(C)' }],
    confidential_source: [{ code: '(b)(7)(D)' }],
    deliberative: [{ code: '(b)(5)' }],
    enforcement_sensitive: [{ code: '(b)(7)(A)', whileCaseOpen: true }, { code: '(b)(7)(E)' }],
    commercial: [{ code: '(b)(4)' }],
  },
};

/**
 * The California Public Records Act, Cal. Gov. Code 7920.000 et seq. (recodified 2023). The
 * section numbers are not in shared/domain (public-records.md lists the federal exemptions only):
 * they are cited from the Act as recodified and should be confirmed by the agency's counsel. Not
 * cited for want of certainty: a 7927.300-range section for commercial data (the trade-secret
 * privilege, Evid. Code 1060, is cited through 7927.705 instead) and the preliminary-drafts
 * exemption (the deliberative-process privilege is cited through 7922.000, as courts apply it).
 */
export const CALIFORNIA_CPRA: ExemptionCatalog = {
  jurisdiction: 'california',
  law: 'Cal. Gov. Code 7920.000 et seq. (California Public Records Act)',
  exemptions: {
    'Gov. Code 7927.700':
      'personnel, medical, or similar files whose disclosure would be an unwarranted invasion of personal privacy',
    'Cal. Const. art. I, 1': 'the constitutional right of privacy',
    'Gov. Code 7923.600':
      'records of complaints and investigations, and investigatory files compiled for law-enforcement or licensing purposes (including the identity of witnesses and confidential sources)',
    'Gov. Code 7922.000':
      'the public interest served by withholding clearly outweighs the public interest in disclosure (deliberative process)',
    'Gov. Code 7927.705':
      'records whose disclosure federal or state law exempts or prohibits, including Evidence Code privileges',
    'Evid. Code 1040': 'official information acquired in confidence (through Gov. Code 7927.705)',
    'Evid. Code 1041': 'the identity of an informer (through Gov. Code 7927.705)',
    'Evid. Code 1060': 'trade secrets (through Gov. Code 7927.705)',
  },
  byClassification: {
    public: [],
    personal: [{ code: 'Gov. Code 7927.700' }, { code: 'Cal. Const. art. I, 1' }],
    confidential_source: [
      { code: 'Gov. Code 7923.600' },
      { code: 'Gov. Code 7927.705' },
      { code: 'Evid. Code 1041' },
    ],
    deliberative: [{ code: 'Gov. Code 7922.000' }],
    // Unlike federal (b)(7)(A), the investigatory-file exemption does not lapse when the
    // investigation closes (Williams v. Superior Court (1993) 5 Cal.4th 337): no whileCaseOpen.
    enforcement_sensitive: [
      { code: 'Gov. Code 7923.600' },
      { code: 'Gov. Code 7927.705' },
      { code: 'Evid. Code 1040' },
    ],
    commercial: [{ code: 'Gov. Code 7927.705' }, { code: 'Evid. Code 1060' }],
  },
};

/** Keyed by jurisdiction; add a state's or city's catalog here. */
export const EXEMPTION_CATALOGS: Readonly<Record<string, ExemptionCatalog>> = {
  federal: FEDERAL_FOIA,
  california: CALIFORNIA_CPRA,
};

export interface ExemptionQuery {
  /** Whether the case is open at the time of release. */
  caseOpen: boolean;
  jurisdiction?: string;
  catalogs?: Readonly<Record<string, ExemptionCatalog>>;
}

/** The exemption codes a redaction of a field with this classification cites; [] means release. */
export function exemptionsFor(classification: Classification, query: ExemptionQuery): string[] {
  const { caseOpen, jurisdiction = 'federal', catalogs = EXEMPTION_CATALOGS } = query;
  const catalog = catalogs[jurisdiction];
  if (!catalog)
    throw new RangeError(`no public-records exemption catalog for jurisdiction '${jurisdiction}'`);
  return catalog.byClassification[classification]
    .filter((rule) => caseOpen || !rule.whileCaseOpen)
    .map((rule) => rule.code);
}
