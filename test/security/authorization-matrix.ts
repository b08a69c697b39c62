/*
 * Who may call what: written by hand from docs/architecture.md#roles (the roles table), NOT read from
 * the code or from the OpenAPI document's x-roles, so that a route whose @Roles drift from the
 * design fails authorization.spec.ts. authorization-coverage.spec.ts fails for any operation of
 * services/gateway/openapi.json without an entry here: a new endpoint needs a decision.
 *
 * docs/architecture.md#roles, as applied:
 *   intake_officer       record complaints, triage, open cases, refer out
 *   investigator         interview, request records, compute back wages, record findings
 *   supervisor           assign and reassign, approve determinations and settlements
 *   collections_officer  settlements, judgments, payment plans, payments, escalation, disbursement
 *   partner_liaison      partners, agreements, referrals, what is shared
 *   partner              submit referrals, see status of their own referrals (scoped to its org)
 *   auditor              read every case's full history, replay, verify integrity
 *   foia_officer         build, review and release redacted case records
 *   admin                rule tables, users, configuration (no case work)
 *
 * Readings where the table is silent, kept as the code has them (see the report of issue 8):
 *   - A supervisor may also do the work of the staff they supervise (intake steps, investigation
 *     steps, collection actions); declining a complaint, approving settlements and compromises,
 *     assigning, approving determinations, signing immigration letters and closing an
 *     investigation are the supervisor's alone.
 *   - Read access follows the work: investigators read complaints (they investigate them),
 *     collections officers read the case index, the auditor reads everything case-related
 *     (complaints, investigations, collections, partners, disclosures) but not FOIA requests,
 *     which are the FOIA officer's work in progress.
 *   - Back-wage rule sets (rule tables): an admin or a supervisor publishes a version; whoever
 *     reads computations reads the versions (issue 17).
 *   - Records management (legal holds, the retention review) is the auditor's and a supervisor's:
 *     the auditor keeps the records, a supervisor hears of litigation on their cases (issue 22).
 *   - The installment check is the supervisor's (it records missed installments, a collections
 *     decision); the agreement expiry check is the liaison's or an admin's (a scheduled job).
 */
import type { Role } from '@lse/contracts';

export interface Rule {
  allowed: readonly Role[];
  /** A partner user sees or changes only its own organization's (docs/architecture.md#partner-scope). */
  partnerScoped?: true;
}

const INTAKE: Role[] = ['intake_officer', 'supervisor'];
const COMPLAINT_READERS: Role[] = ['intake_officer', 'supervisor', 'investigator', 'auditor'];
const INVESTIGATION_WORK: Role[] = ['investigator', 'supervisor'];
const INVESTIGATION_READERS: Role[] = ['investigator', 'supervisor', 'auditor'];
const SUPERVISOR: Role[] = ['supervisor'];
const COLLECTION_WORK: Role[] = ['collections_officer', 'supervisor'];
const COLLECTION_READERS: Role[] = ['collections_officer', 'supervisor', 'auditor'];
const LIAISON: Role[] = ['partner_liaison'];
const PARTNER_READERS: Role[] = ['partner_liaison', 'auditor'];
const AUDITOR: Role[] = ['auditor'];
const FOIA: Role[] = ['foia_officer'];
const RECORDS: Role[] = ['auditor', 'supervisor'];

/**
 * Operations reachable without a token (`security: []` in the document), each with why: what a
 * browser needs before anyone has signed in. authorization-coverage.spec.ts fails when the
 * document marks any other operation public, so opening a route is a decision made here too.
 */
export const PUBLIC_OPERATIONS: Readonly<Record<string, string>> = {
  authConfig: 'how to sign in (development issuer, or OIDC provider, client id and scopes): no data',
  createDevelopmentToken:
    'development sign-in: exists only with AUTH_MODE=development (404 elsewhere, sign-in.spec.ts)',
};

export const EXPECTED: Record<string, Rule> = {
  // whoami: every authenticated user may ask who they are.
  whoami: {
    allowed: [
      'intake_officer',
      'investigator',
      'supervisor',
      'collections_officer',
      'partner_liaison',
      'partner',
      'auditor',
      'foia_officer',
      'admin',
    ],
  },

  // Intake: "record complaints, triage, open cases, refer out".
  receiveComplaint: { allowed: INTAKE },
  amendComplaint: { allowed: INTAKE },
  assessJurisdiction: { allowed: INTAKE },
  assessLimitations: { allowed: INTAKE },
  scoreTriage: { allowed: INTAKE },
  openCase: { allowed: INTAKE },
  referOut: { allowed: INTAKE },
  linkDuplicate: { allowed: INTAKE },
  linkRelatedCase: { allowed: INTAKE },
  mergeComplaint: { allowed: INTAKE },
  withdrawComplaint: { allowed: INTAKE },
  declineComplaint: { allowed: SUPERVISOR },
  listComplaints: { allowed: COMPLAINT_READERS },
  getComplaint: { allowed: COMPLAINT_READERS },
  findEmployer: { allowed: COMPLAINT_READERS },
  listCases: { allowed: [...COMPLAINT_READERS, 'collections_officer'] },

  // Investigation: "interview, request records, compute back wages, record findings";
  // supervisors "assign and reassign, approve determinations".
  getInvestigation: { allowed: INVESTIGATION_READERS },
  getInvestigationFindings: { allowed: INVESTIGATION_READERS },
  getBackWageTrace: { allowed: INVESTIGATION_READERS },
  getEvidenceContent: { allowed: INVESTIGATION_READERS },
  listInvestigations: { allowed: INVESTIGATION_READERS },
  investigatorWorkload: { allowed: ['supervisor', 'auditor'] },
  assignInvestigator: { allowed: SUPERVISOR },
  addEmployer: { allowed: INVESTIGATION_WORK },
  recordInterview: { allowed: INVESTIGATION_WORK },
  requestRecords: { allowed: INVESTIGATION_WORK },
  receiveRecords: { allowed: INVESTIGATION_WORK },
  issueSubpoena: { allowed: INVESTIGATION_WORK },
  attachEvidence: { allowed: INVESTIGATION_WORK },
  recordHoursAndWages: { allowed: INVESTIGATION_WORK },
  computeBackWages: { allowed: INVESTIGATION_WORK },
  rerunBackWages: { allowed: INVESTIGATION_WORK },
  // Rule tables: the admin's (docs/architecture.md#roles) and a supervisor's; read by whoever reads
  // back-wage computations, and by the admin who maintains them.
  listWageRuleSets: { allowed: [...INVESTIGATION_READERS, 'admin'] },
  publishWageRuleSetVersion: { allowed: ['supervisor', 'admin'] },
  findViolation: { allowed: INVESTIGATION_WORK },
  assessCivilPenalty: { allowed: INVESTIGATION_WORK },
  flagRetaliationConcern: { allowed: INVESTIGATION_WORK },
  requestImmigrationLetter: { allowed: INVESTIGATION_WORK },
  issueImmigrationLetter: { allowed: SUPERVISOR },
  proposeDetermination: { allowed: ['investigator'] },
  approveDetermination: { allowed: SUPERVISOR },
  issueDetermination: { allowed: INVESTIGATION_WORK },
  closeInvestigation: { allowed: SUPERVISOR },
  // Reopening a closed investigation is a supervisor's decision (issue 17 item 8).
  reopenInvestigation: { allowed: SUPERVISOR },

  // Collections: "settlements, judgments, payment plans, payments, escalation, disbursement";
  // supervisors "approve ... settlements".
  getCollectionCase: { allowed: COLLECTION_READERS },
  getCollectionLedger: { allowed: COLLECTION_READERS },
  getDebtorStatement: { allowed: COLLECTION_READERS },
  getWorkerStatement: { allowed: COLLECTION_READERS },
  listReceivables: { allowed: COLLECTION_READERS },
  listInstallmentsDue: { allowed: COLLECTION_READERS },
  listDefaults: { allowed: COLLECTION_READERS },
  collectionRate: { allowed: COLLECTION_READERS },
  // The manager dashboard (issue 21): supervisors manage the offices' work; the auditor reads
  // everything case-related, and the dashboard is only counts and sums of it.
  getDashboard: { allowed: ['supervisor', 'auditor'] },
  offerSettlement: { allowed: COLLECTION_WORK },
  counterSettlement: { allowed: COLLECTION_WORK },
  agreeSettlement: { allowed: SUPERVISOR },
  compromiseDebt: { allowed: SUPERVISOR },
  issueOrder: { allowed: COLLECTION_WORK },
  enterJudgment: { allowed: COLLECTION_WORK },
  establishPaymentPlan: { allowed: COLLECTION_WORK },
  receivePayment: { allowed: COLLECTION_WORK },
  reversePayment: { allowed: COLLECTION_WORK },
  declareDefault: { allowed: COLLECTION_WORK },
  takeEscalation: { allowed: COLLECTION_WORK },
  issueDisbursement: { allowed: COLLECTION_WORK },
  markWorkerUnlocated: { allowed: COLLECTION_WORK },
  transferUnclaimedWages: { allowed: COLLECTION_WORK },
  closeCollectionCase: { allowed: COLLECTION_WORK },
  // Reopening a closed case is a supervisor's decision (issue 17 item 8).
  reopenCollectionCase: { allowed: SUPERVISOR },
  runInstallmentCheck: { allowed: SUPERVISOR },

  // Partners: the liaison manages "partners, agreements, referrals, what is shared"; auditors read;
  // a partner "submit[s] referrals, see[s] status of their own referrals".
  listPartners: { allowed: PARTNER_READERS },
  getPartner: { allowed: PARTNER_READERS },
  registerPartner: { allowed: LIAISON },
  addPartnerContact: { allowed: LIAISON },
  removePartnerContact: { allowed: LIAISON },
  deactivatePartner: { allowed: LIAISON },
  listPartnerMeetings: { allowed: PARTNER_READERS },
  logPartnerMeeting: { allowed: LIAISON },
  listAgreements: { allowed: PARTNER_READERS },
  getAgreement: { allowed: PARTNER_READERS },
  draftAgreement: { allowed: LIAISON },
  signAgreement: { allowed: LIAISON },
  amendAgreement: { allowed: LIAISON },
  renewAgreement: { allowed: LIAISON },
  terminateAgreement: { allowed: LIAISON },
  checkAgreementExpiries: { allowed: ['partner_liaison', 'admin'] },
  listOutreach: { allowed: PARTNER_READERS },
  recordOutreach: { allowed: LIAISON },
  submitReferral: { allowed: ['partner'], partnerScoped: true },
  listReferrals: { allowed: ['partner', 'partner_liaison', 'auditor'], partnerScoped: true },
  getReferral: { allowed: ['partner', 'partner_liaison', 'auditor'], partnerScoped: true },
  changeWorkerConsent: { allowed: ['partner', 'partner_liaison'], partnerScoped: true },
  listDisclosures: { allowed: ['partner', 'partner_liaison', 'auditor'], partnerScoped: true },

  // Audit: "read every case's full history, replay, verify integrity". The timeline is also the
  // case file's for the staff who work cases (issue 19); partners never.
  caseHistory: {
    allowed: ['auditor', 'intake_officer', 'investigator', 'supervisor', 'collections_officer'],
  },
  caseStateAsOf: { allowed: AUDITOR },
  caseRecordAccess: { allowed: AUDITOR },
  verifyIntegrity: { allowed: AUDITOR },
  takeCheckpoint: { allowed: AUDITOR },
  latestCheckpoint: { allowed: AUDITOR },

  // FOIA: "build, review and release redacted case records".
  listFoiaRequests: { allowed: FOIA },
  receiveFoiaRequest: { allowed: FOIA },
  getFoiaRequest: { allowed: FOIA },
  compileFoiaPackage: { allowed: FOIA },
  overrideRedaction: { allowed: FOIA },
  releaseFoiaResponse: { allowed: FOIA },
  releasedFoiaPackage: { allowed: FOIA },
  extendFoiaDeadline: { allowed: FOIA },
  tollFoiaClock: { allowed: FOIA },
  resumeFoiaClock: { allowed: FOIA },
  acknowledgeFoiaRequest: { allowed: FOIA },
  requestFoiaClarification: { allowed: FOIA },
  receiveFoiaClarification: { allowed: FOIA },
  estimateFoiaFee: { allowed: FOIA },
  decideFoiaFeeWaiver: { allowed: FOIA },
  recordFoiaPayment: { allowed: FOIA },
  denyFoiaRequest: { allowed: FOIA },
  respondNoFoiaRecords: { allowed: FOIA },
  referFoiaRequest: { allowed: FOIA },
  receiveFoiaAppeal: { allowed: FOIA },
  decideFoiaAppeal: { allowed: FOIA },

  // Records management (legal holds, retention; issue 22): the table names no records role. The
  // auditor keeps the records and their integrity; a supervisor learns of litigation on the cases
  // they supervise. Both may place and lift holds, run the review and read its reports.
  placeLegalHold: { allowed: RECORDS },
  liftLegalHold: { allowed: RECORDS },
  listLegalHolds: { allowed: RECORDS },
  runRetentionReview: { allowed: RECORDS },
  latestRetentionReport: { allowed: RECORDS },
  listRetentionReports: { allowed: RECORDS },
  listRetentionDue: { allowed: RECORDS },
  // Erasing a person (issue 22): a supervisor (answers for the cases, hears of litigation) and an
  // admin (answers a data subject's request as the system's owner); not the auditor, who keeps
  // and checks the records (separation of duties).
  erasePerson: { allowed: ['supervisor', 'admin'] },
  getErasure: { allowed: ['supervisor', 'admin'] },
};
