/**
 * The demo scenario, through the public HTTP API only: what `npm run demo` seeds and what the
 * journey end-to-end test drives (one scenario, two drivers, so the demo is tested).
 *
 *   partners   a worker center, a consulate and a legal aid group, each with a signed agreement
 *   car wash   the worker center refers two workers (one consents to status and outcome, one to
 *              status only until the determination is out, then to both) ->
 *              partner_referral complaint -> case opened -> investigation (handoff) -> assigned,
 *              interview in Spanish, payroll CSV, back wages, determination proposed by the
 *              investigator, approved by a supervisor, issued -> collection case (handoff) ->
 *              settlement in installments, two payments, every worker paid out, closed
 *   taquería   the consulate refers a worker (consular referral) -> case opened, assigned, interview
 *   framing    a hotline call in Spanish with an interpreter -> cross-filed with OSHA (fall hazards)
 *              and opened here for the wages
 *   outreach   a Labor Rights Week clinic with the three partners
 *   FOIA       a reporter's request for the car wash and framing files, compiled as of a cut-off
 *              (after the disbursements, before the collection case closed) and released
 */
import { randomUUID } from 'node:crypto';
import { addDays, utcDateOf, type IsoDate } from '@lse/domain';
import { eventually, type DemoApi, type Who } from './api';
import { collectCarWash, type CarWashCollection } from './collections';
import { CAR_WASH, FRAMING, OFFICE, PARTNERS, STAFF, TAQUERIA } from './data';
import { openCase, refer, versionOf } from './intake';
import { investigateCarWash, InvestigationSteps, type CarWashInvestigation } from './investigation';
import { ensurePartners, type PartnerOnFile } from './partners';
import { outreach } from './outreach';
import { releaseFoia, type FoiaReleased } from './foia';
import type { PartnerKey } from './data';

export interface ScenarioOptions {
  /** Progress, one line per step. */
  log?: (line: string) => void;
  /** How long to wait for each handoff between services. */
  waitMs?: number;
  today?: IsoDate;
}

export interface CaseOnFile {
  caseId: string;
  caseNumber: string;
  priority: string;
  channel: string;
}

type ReferralView = { disclosures: Array<{ milestone: string }> };

export interface ScenarioResult {
  today: IsoDate;
  partners: Record<PartnerKey, PartnerOnFile & { staff: Who }>;
  carWash: CaseOnFile & {
    referredWorkerIds: string[];
    investigation: CarWashInvestigation;
    collection: CarWashCollection;
  };
  taqueria: CaseOnFile & { investigatorId: string };
  framing: CaseOnFile & { referredTo: string; crossFiled: boolean };
  outreachId: string;
  foia: FoiaReleased;
}

export async function runScenario(api: DemoApi, options: ScenarioOptions = {}): Promise<ScenarioResult> {
  const log = options.log ?? (() => undefined);
  const waitMs = options.waitMs ?? 30_000;
  const today = options.today ?? utcDateOf(new Date());
  await api.ready();

  const found = await ensurePartners(api, today, log, waitMs);
  const partners = Object.fromEntries(
    (Object.keys(found) as PartnerKey[]).map((k) => [
      k,
      { ...found[k], staff: { as: 'partner', sub: PARTNERS[k].staff, org: found[k].id } },
    ]),
  ) as ScenarioResult['partners'];

  // The three cases and the outreach event are independent: run them side by side.
  const [carWash, taqueria, framing, outreachId] = await Promise.all([
    carWashCase(api, partners.workerCenter, today, waitMs, log),
    taqueriaCase(api, partners.consulate, today, waitMs, log),
    framingCase(api, today, log),
    outreach(
      api,
      Object.values(partners).map((p) => p.id),
      today,
      log,
    ),
  ]);

  const foia = await releaseFoia(api, [carWash.caseId, framing.caseId], carWash.collection.cutoff, log);
  return { today, partners, carWash, taqueria, framing, outreachId, foia };
}

type Partner = ScenarioResult['partners'][PartnerKey];

async function carWashCase(
  api: DemoApi,
  partner: Partner,
  today: IsoDate,
  waitMs: number,
  log: (line: string) => void,
): Promise<ScenarioResult['carWash']> {
  const workerIds = CAR_WASH.referredWorkers.map(() => randomUUID());
  const referred = await refer(
    api,
    partner.staff,
    {
      office: OFFICE,
      agreementId: partner.agreementId,
      workers: CAR_WASH.referredWorkers.map(({ ref: _ref, consent, ...w }, i) => ({
        ...w,
        workerId: workerIds[i],
        consent: { scopes: consent },
      })),
      employer: CAR_WASH.employer,
      allegations: [
        { type: 'overtime', periodStart: addDays(today, -120), ongoing: true, workersAffected: 9 },
        { type: 'minimum_wage', periodStart: addDays(today, -120), ongoing: true, workersAffected: 3 },
      ],
      prepWork: [
        { kind: 'intake_interview', description: CAR_WASH.prepWork },
        { kind: 'documents_gathered', description: 'Pay stubs for four weeks.' },
      ],
    },
    waitMs,
  );
  const { caseId } = referred;
  log(
    `car wash: the worker center referred 2 workers; intake received it as a ${referred.channel} complaint`,
  );
  const opened = await openCase(api, caseId);
  log(`car wash: case ${opened.caseNumber} opened (${opened.priority})`);
  // Once the partner has heard of the determination, José Luis widens his consent to the outcome.
  const widenConsent = async () => {
    await eventually(
      () => api.get<ReferralView>(`/referrals/${caseId}`, partner.staff),
      (r) => r.body.disclosures.some((d) => d.milestone === 'determination_issued'),
      'the worker center to hear of the determination',
      waitMs,
    );
    await api.post(`/referrals/${caseId}/consent`, partner.staff, {
      workerId: workerIds[1],
      scopes: ['status', 'outcome'],
    });
    log(
      'car wash: the worker center heard of the determination; José Luis widened his consent to the outcome',
    );
  };
  const investigation = await investigateCarWash(api, caseId, today, waitMs, widenConsent);
  log(
    `car wash: determination issued, $${(investigation.backWages.totalCents / 100).toFixed(2)} owed (proposed by ${investigation.proposedBy}, approved by ${investigation.approvedBy})`,
  );
  const collection = await collectCarWash(api, caseId, today, waitMs);
  log(
    `car wash: settlement in 3 installments, ${collection.payments.length} payments, ${collection.disbursed.length} workers paid out, collection case closed`,
  );
  return {
    caseId,
    caseNumber: opened.caseNumber,
    priority: opened.priority,
    channel: referred.channel,
    referredWorkerIds: workerIds,
    investigation,
    collection,
  };
}

async function taqueriaCase(
  api: DemoApi,
  partner: Partner,
  today: IsoDate,
  waitMs: number,
  log: (line: string) => void,
): Promise<ScenarioResult['taqueria']> {
  const referred = await refer(
    api,
    partner.staff,
    {
      office: OFFICE,
      agreementId: partner.agreementId,
      workers: [{ ...TAQUERIA.worker, consent: { scopes: ['status', 'outcome'] } }],
      employer: TAQUERIA.employer,
      allegations: [
        { type: 'tip_theft', periodStart: addDays(today, -300), ongoing: true, workersAffected: 6 },
        { type: 'unpaid_wages', periodStart: addDays(today, -300), ongoing: true, workersAffected: 6 },
      ],
      prepWork: [{ kind: 'intake_interview', description: TAQUERIA.prepWork }],
    },
    waitMs,
  );
  const { caseId } = referred;
  const opened = await openCase(api, caseId);
  const inv = new InvestigationSteps(api, caseId);
  await inv.whenOpened(waitMs);
  const investigator = STAFF.secondInvestigator;
  await inv.act('assignment', STAFF.supervisor, { investigatorId: investigator.sub });
  await inv.act('interviews', investigator, {
    interviewee: { role: 'worker', name: TAQUERIA.worker.name, confidentialSource: false },
    interviewedOn: today,
    language: 'es',
    interpreterUsed: true,
    traumaInformedProtocol: true,
    summary: 'Tips pooled with the owners; last two paychecks not paid.',
  });
  log(
    `taquería: the consulate referred a worker (${referred.channel}); case ${opened.caseNumber} opened, assigned to ${investigator.sub}`,
  );
  return {
    caseId,
    caseNumber: opened.caseNumber,
    priority: opened.priority,
    channel: referred.channel,
    investigatorId: investigator.sub,
  };
}

async function framingCase(
  api: DemoApi,
  today: IsoDate,
  log: (line: string) => void,
): Promise<ScenarioResult['framing']> {
  const received = await api.post<{ caseId: string }>('/complaints', STAFF.officer, {
    channel: 'hotline',
    office: OFFICE,
    complainants: [FRAMING.caller],
    employer: FRAMING.employer,
    allegations: [
      { type: 'unpaid_wages', periodStart: addDays(today, -45), ongoing: true, workersAffected: 14 },
      {
        type: 'other',
        periodStart: addDays(today, -45),
        ongoing: true,
        workersAffected: 14,
        description: FRAMING.hazard,
      },
    ],
    intakeNotes: 'Call taken in Spanish through the interpreter line.',
  });
  const { caseId } = received.body;
  const referral = {
    receivingAgency: 'OSHA',
    crossFiled: true,
    reason: 'Fall hazards on site: no fall protection.',
  };
  const opened = await openCase(api, caseId, {
    before: async (version) =>
      versionOf(
        await api.post(`/complaints/${caseId}/referral-out`, STAFF.officer, referral, { ifMatch: version }),
      ) ?? version + 1,
  });
  log(
    `framing: hotline call in Spanish (interpreter); cross-filed with OSHA; case ${opened.caseNumber} opened for the wages`,
  );
  return {
    caseId,
    caseNumber: opened.caseNumber,
    priority: opened.priority,
    channel: 'hotline',
    referredTo: referral.receivingAgency,
    crossFiled: referral.crossFiled,
  };
}
