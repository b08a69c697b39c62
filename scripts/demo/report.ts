import type { WrittenFile } from './files';
import type { ScenarioResult } from './scenario';

/** What to open and what to try next, with the ids this run created. */
export function report(r: ScenarioResult, gatewayUrl: string, files: readonly WrittenFile[] = []): string {
  const g = gatewayUrl.replace(/\/$/, '');
  const c = r.carWash;
  const wc = r.partners.workerCenter;
  const tok = (role: string, sub: string, org?: string) =>
    `$(npm run -s token -- --role ${role} --sub ${sub}${org ? ` --org ${org}` : ''})`;
  const lines = [
    '',
    'Cases',
    `  ${c.caseNumber}  ${c.caseId}  car wash, referred by the worker center: investigated, determined, settled, paid out, closed`,
    `  ${r.taqueria.caseNumber}  ${r.taqueria.caseId}  taquería, referred by the consulate: under investigation (${r.taqueria.investigatorId})`,
    `  ${r.framing.caseNumber}  ${r.framing.caseId}  framing contractor, hotline call in Spanish: cross-filed with ${r.framing.referredTo}, opened`,
    '',
    'Partners',
    ...Object.values(r.partners).map(
      (p) => `  ${p.id}  ${p.name}  (agreement ${p.agreementId}, sharing "${p.sharingLevel}")`,
    ),
    '',
    'Open',
    `  ${g}/api/docs                                    the API (OpenAPI)`,
    `  ${g}/health/ready                                readiness of the gateway, PostgreSQL and NATS`,
    ...files.map((f) => `  file://${f.path}  ${f.what}`),
    '',
    'Try next',
    `  CASE=${c.caseId}`,
    `  AUDITOR=${tok('auditor', 'ig-1')}`,
    `  curl -s "${g}/api/v1/cases/$CASE/history?limit=100" -H "Authorization: Bearer $AUDITOR"   # every service's events`,
    `  curl -s "${g}/api/v1/cases/$CASE/state?asOf=${r.foia.cutoff}" -H "Authorization: Bearer $AUDITOR"`,
    `  curl -s "${g}/api/v1/integrity/verification?caseId=$CASE" -H "Authorization: Bearer $AUDITOR"`,
    `  curl -s "${g}/api/v1/collections/$CASE/ledger" -H "Authorization: Bearer $AUDITOR"`,
    `  curl -s "${g}/api/v1/cases/$CASE/investigation/back-wage-computations/${c.investigation.computationId}/trace" -H "Authorization: Bearer $AUDITOR"`,
    `  PARTNER=${tok('partner', wc.staff.sub, wc.id)}`,
    `  curl -s "${g}/api/v1/referrals/$CASE" -H "Authorization: Bearer $PARTNER"   # what the worker center may see`,
    `  LIAISON=${tok('partner_liaison', 'lia@agency.gov')}`,
    `  curl -s "${g}/api/v1/disclosures?referralId=$CASE" -H "Authorization: Bearer $LIAISON"   # shared and withheld, with reasons`,
    `  FOIA=${tok('foia_officer', 'records-1@agency.gov')}`,
    `  curl -s "${g}/api/v1/foia-requests/${r.foia.requestId}/package?format=html" -H "Authorization: Bearer $FOIA" > foia.html`,
    `  SUP=${tok('supervisor', 'sue@agency.gov')}`,
    `  curl -s "${g}/api/v1/investigations?status=open" -H "Authorization: Bearer $SUP"`,
    `  npm run cases -- history $CASE`,
    `  npm run cases -- state $CASE --as-of ${r.foia.cutoff}`,
    `  npm run cases -- verify --case $CASE`,
    // The demo released this request: compiling it again is refused, the released package is not.
    `  npm run cases -- foia package ${r.foia.requestId} --out out/   # the released package, digest checked`,
    '',
  ];
  return lines.join('\n');
}
