import { FOIA_PACKAGE_STYLE } from '@lse/contracts';
import type { FoiaPackage, PackageRecord } from './package';
import { renderRecordSections } from '../records/html';
import type { PackageEvidence } from './package-evidence';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** What each kind of record means, in plain words (a reader of a FOIA response knows no event types). */
const PLAIN: Record<string, string> = {
  ComplaintReceived: 'The agency received a complaint',
  ComplaintAmended: 'The complaint was amended',
  JurisdictionAssessed: 'The agency assessed whether it has jurisdiction',
  LimitationsAssessed: 'The agency assessed the limitation period',
  TriageScored: 'The complaint was triaged and given a priority',
  DuplicateLinked: 'The complaint was linked to another complaint about the same matter',
  ComplaintReferredOut: 'The complaint was referred to another agency',
  ComplaintDeclined: 'The agency declined the complaint',
  ComplaintWithdrawn: 'The complaint was withdrawn',
  CaseOpened: 'A case was opened',
  InvestigationOpened: 'An investigation was opened',
  InvestigatorAssigned: 'An investigator was assigned',
  InterviewRecorded: 'An interview was recorded',
  RecordsRequested: 'Records were requested from the employer',
  RecordsReceived: 'Records were received',
  SubpoenaIssued: 'A subpoena was issued',
  EmployerAdded: 'An employer was added to the investigation',
  HoursAndWagesRecorded: 'Hours worked and wages paid were recorded',
  BackWagesComputed: 'Back wages were computed',
  BackWageFiguresContinued: 'Back wage figures were recorded (continued)',
  EvidenceAttached: 'Evidence was attached',
  ViolationFound: 'A violation was found',
  RetaliationConcernFlagged: 'A concern about retaliation was recorded',
  ImmigrationSupportLetterRequested: 'A letter supporting immigration relief was requested',
  ImmigrationSupportLetterIssued: 'A letter supporting immigration relief was issued',
  CivilPenaltyAssessed: 'A civil penalty was assessed',
  DeterminationProposed: 'A determination was proposed',
  DeterminationApproved: 'The determination was approved by a supervisor',
  DeterminationIssued: 'The determination was issued',
  InvestigationClosed: 'The investigation was closed',
  CollectionCaseOpened: 'A collection case was opened for the amounts owed',
  SettlementOffered: 'A settlement was offered',
  SettlementCountered: 'A counter-offer was made',
  SettlementAgreed: 'A settlement was agreed',
  OrderIssued: 'An order was issued',
  JudgmentEntered: 'A judgment was entered',
  PaymentPlanEstablished: 'A payment plan was set',
  PaymentReceived: 'A payment was received',
  PaymentReversed: 'A payment was reversed',
  InstallmentMissed: 'An installment was missed',
  DefaultDeclared: 'The payment plan was declared in default',
  EscalationTaken: 'An enforcement step was taken',
  DisbursementIssued: 'Back wages were paid out to a worker',
  WorkerUnlocated: 'A worker could not be located',
  UnclaimedWagesTransferred: 'Unclaimed wages were sent to the unclaimed-wage fund',
  DebtCompromised: 'Part of the debt was compromised or written off',
  CollectionCaseClosed: 'The collection case was closed',
  ReferralSubmitted: 'A partner organization referred the matter',
  ReferralAccepted: 'The referral was accepted',
  ReferralDeclined: 'The referral was declined',
  ReferralClosed: 'The referral was closed',
  ConsentGranted: 'A worker consented to information being shared with the partner',
  ConsentNarrowed: 'A worker narrowed their consent',
  ConsentRevoked: 'A worker revoked their consent',
  StatusSharedWithPartner: 'The case status was shared with the partner organization',
  DisclosureWithheld: 'Information was not shared with the partner organization',
  WagesClaimed: 'Wages were claimed',
};

const ROLES: Record<string, string> = {
  intake_officer: 'an intake officer',
  investigator: 'an investigator',
  supervisor: 'a supervisor',
  collections_officer: 'a collections officer',
  partner: 'a partner organization',
  partner_liaison: 'the partnerships liaison',
  auditor: 'an auditor',
  foia_officer: 'a records officer',
  system: 'the system',
};

/** "BackWagesComputed" -> "Back wages computed": for a record type with no phrase of its own. */
const humanize = (type: string) =>
  type
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

/** A value fit to quote in a sentence: plain text, never a withheld marker. */
const plainValue = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= 200 && !value.startsWith('[WITHHELD')
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;

const at = (data: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      data,
    );

/** Public details worth a clause in the chronology, by record type. */
const DETAILS: Record<string, Array<[label: string, path: string]>> = {
  ComplaintReceived: [
    ['channel', 'channel'],
    ['office', 'office'],
    ['employer', 'employer.name'],
  ],
  CaseOpened: [
    ['case number', 'caseNumber'],
    ['office', 'office'],
  ],
  TriageScored: [['priority', 'priority']],
  EmployerAdded: [
    ['employer', 'name'],
    ['liability', 'role'],
  ],
  ViolationFound: [['violation', 'type']],
  InvestigationClosed: [['reason', 'reason']],
  CollectionCaseClosed: [['reason', 'reason']],
  ComplaintReferredOut: [['to', 'agency']],
};

function sentence(r: PackageRecord): string {
  const phrase = PLAIN[r.type] ?? humanize(r.type);
  const actor = r.metadata.actor as { role?: unknown } | undefined;
  const role = typeof actor?.role === 'string' ? ROLES[actor.role] : undefined;
  const details = (DETAILS[r.type] ?? [])
    .map(([label, path]) => {
      const value = plainValue(at(r.data, path));
      return value ? `${label}: ${value}` : undefined;
    })
    .filter(Boolean);
  return `${phrase}${role ? ` (by ${role})` : ''}${details.length ? `; ${details.join(', ')}` : ''}.`;
}

const day = (iso: string) => iso.slice(0, 10);

/** A case's evidence files: each one's redacted text, or why it is withheld whole. */
function evidenceSection(files: PackageEvidence[]): string {
  if (files.length === 0) return '';
  const items = files
    .map((f, i) => {
      const heading = `<h4>Evidence file ${i + 1} <small>(${escape(f.mediaType)}, ${f.sizeBytes} bytes, SHA-256 ${escape(f.sha256)})</small></h4>`;
      const body =
        f.text !== undefined
          ? `<pre>${escape(f.text)}</pre>${f.imagesNotIncluded ? `<p>The file also holds ${f.imagesNotIncluded} picture(s), not included in this response.</p>` : ''}`
          : `<p>Withheld in full: ${escape(f.withheld?.detail ?? '')}</p>`;
      return `<article>\n${heading}\n${body}\n</article>`;
    })
    .join('\n');
  return `<h3>Evidence files</h3>\n${items}`;
}

/** The facts a reader wants first about a case, from its public records. */
function caseSummary(c: FoiaPackage['cases'][number]): string {
  const first = (type: string) => c.records.find((r) => r.type === type);
  const caseNumber = plainValue(first('CaseOpened')?.data.caseNumber);
  const employer = plainValue(at(first('ComplaintReceived')?.data ?? {}, 'employer.name'));
  const milestones: Array<[string, string]> = [
    ['ComplaintReceived', 'Complaint received'],
    ['CaseOpened', 'Case opened'],
    ['InvestigationOpened', 'Investigation opened'],
    ['DeterminationIssued', 'Determination issued'],
    ['InvestigationClosed', 'Investigation closed'],
    ['CollectionCaseOpened', 'Collection case opened'],
    ['CollectionCaseClosed', 'Collection case closed'],
  ];
  const items = [
    caseNumber ? `<li>Case number: ${escape(caseNumber)}</li>` : '',
    employer ? `<li>Employer: ${escape(employer)}</li>` : '',
    `<li>Status at the cut-off: ${c.openAtCutoff ? 'open (some records are withheld while the case is open)' : 'closed'}</li>`,
    `<li>Records released: ${c.records.length}</li>`,
    ...milestones.flatMap(([type, label]) => {
      const r = first(type);
      return r ? [`<li>${label}: ${escape(day(r.recordedAt))}</li>`] : [];
    }),
  ];
  return `<ul class="summary">${items.join('')}</ul>`;
}

/**
 * A printable rendering of a package that reads as a document (print to PDF from any browser):
 * for each case a summary and a chronology in plain words, then the records themselves with every
 * withheld field marked, then the exemptions and the redaction log. Deterministic: the same
 * package gives the same bytes, so its digest is recorded with the release.
 */
export function renderPackageHtml(pkg: FoiaPackage): string {
  const cases = pkg.cases
    .map((c, i) => {
      const title =
        plainValue(c.records.find((r) => r.type === 'CaseOpened')?.data.caseNumber) ?? `Case ${i + 1}`;
      const chronology = c.records
        .map((r) => `<li><time>${escape(day(r.recordedAt))}</time> ${escape(sentence(r))}</li>`)
        .join('\n');
      const records = c.records
        .map(
          (r, n) => `<article>
<h4>Record ${n + 1}: ${escape(PLAIN[r.type] ?? humanize(r.type))} <small>(${escape(r.type)}, ${escape(r.recordedAt)})</small></h4>
<pre>${escape(JSON.stringify({ data: r.data, metadata: r.metadata }, null, 2))}</pre>
</article>`,
        )
        .join('\n');
      return `<section>
<h2>${escape(title)}</h2>
<p class="ref">Case reference ${escape(c.caseId)}</p>
<h3>Summary</h3>
${caseSummary(c)}
<h3>Chronology</h3>
${c.records.length ? `<ol class="chronology">\n${chronology}\n</ol>` : '<p>No records of this case at or before the cut-off.</p>'}
<h3>The records</h3>
${records}
${evidenceSection(c.evidence ?? [])}
</section>`;
    })
    .join('\n');
  const log = pkg.redactionLog
    .map(
      (e) =>
        `<tr><td>${e.n}</td><td>${escape(e.eventId ?? `${e.record?.section ?? ''} ${e.record?.id ?? ''}`)}</td><td>${escape(e.path)}${e.reason ? ` (${escape(e.reason)})` : ''}</td><td>${escape(e.exemptions.join(', '))}</td><td>${e.released ? 'released' : 'withheld'}</td></tr>`,
    )
    .join('\n');
  const exemptions = Object.entries(pkg.exemptions)
    .map(([code, what]) => `<li><b>${escape(code)}</b>: ${escape(what)}</li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Response to public-records request ${escape(pkg.requestId)}</title>
<style>${FOIA_PACKAGE_STYLE}</style>
</head><body>
<h1>Response to public-records request</h1>
<p>Request ${escape(pkg.requestId)}. This response covers the records of ${pkg.cases.length} case(s) as they stood on ${escape(pkg.cutoff)}, released under ${escape(pkg.law)} (${escape(pkg.jurisdiction)}): ${pkg.summary.records} records, ${pkg.summary.withheld} redactions, ${pkg.summary.released} released on review. Each withheld field, and each name or personal detail withheld inside a text or an evidence file, is replaced by a marker naming its exemption and its entry in the redaction log at the end.</p>
<h2>Exemptions cited</h2><ul>
${exemptions}
</ul>
${cases}${renderRecordSections(pkg.records, escape, (type) => PLAIN[type] ?? humanize(type))}
<h2>Redaction log</h2>
<table><thead><tr><th>#</th><th>record</th><th>field</th><th>exemptions</th><th>decision</th></tr></thead><tbody>
${log}
</tbody></table>
</body></html>
`;
}
