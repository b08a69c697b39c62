import type { IsoDate } from '@lse/domain';
import { addDays, workweekOf } from '@lse/domain';
import { eventually, type DemoApi, type Who } from './api';
import { CAR_WASH, carWashHoursCsv, STAFF } from './data';
import { versionOf } from './intake';

type Json = Record<string, unknown>;

/** An investigation's actions in order, each with the version the previous one answered. */
export class InvestigationSteps {
  private version = 1;

  constructor(
    private readonly api: DemoApi,
    readonly caseId: string,
  ) {}

  /** Investigation opens it by itself when intake opens the case (CaseOpened over JetStream). */
  async whenOpened(waitMs: number): Promise<Json> {
    const reply = await eventually(
      () => this.api.send<Json>('GET', `/cases/${this.caseId}/investigation`, STAFF.supervisor),
      (r) => r.status === 200,
      `the investigation of case ${this.caseId} to open (CaseOpened handoff)`,
      waitMs,
    );
    this.version = versionOf(reply) ?? 1;
    return reply.body;
  }

  async act(path: string, who: Who, body: unknown, contentType?: string): Promise<Json> {
    const reply = await this.api.post<Json>(`/cases/${this.caseId}/investigation/${path}`, who, body, {
      ifMatch: this.version,
      contentType,
    });
    this.version = versionOf(reply) ?? this.version + 1;
    return reply.body;
  }
}

export interface CarWashInvestigation {
  investigatorId: string;
  employerIds: { direct: string; joint: string };
  computationId: string;
  backWages: { unpaidWagesCents: number; liquidatedDamagesCents: number; totalCents: number };
  determinationId: string;
  proposedBy?: string;
  approvedBy?: string;
  issued: Json;
}

/**
 * The car wash investigation: assigned by a supervisor; the referred worker interviewed in
 * Spanish through an interpreter; two employers (the car wash and the staffing agency, jointly
 * liable); the payroll uploaded as CSV; back wages under the FLSA; an overtime violation; the
 * determination proposed by the investigator, approved by a supervisor (a different person),
 * issued, and the investigation closed.
 */
export async function investigateCarWash(
  api: DemoApi,
  caseId: string,
  today: IsoDate,
  waitMs: number,
  /** Runs after the determination is issued, before the investigation closes. */
  beforeClosure: () => Promise<void> = () => Promise.resolve(),
): Promise<CarWashInvestigation> {
  const inv = new InvestigationSteps(api, caseId);
  await inv.whenOpened(waitMs);
  const INV = STAFF.investigator;
  const SUP = STAFF.supervisor;
  await inv.act('assignment', SUP, { investigatorId: INV.sub });
  const [maria] = CAR_WASH.referredWorkers;
  await inv.act('interviews', INV, {
    interviewee: { role: 'worker', name: maria.name, phone: maria.phone, confidentialSource: true },
    interviewedOn: addDays(today, -5),
    language: 'es',
    interpreterUsed: true,
    traumaInformedProtocol: true,
    summary: 'Worked five and six days a week; never paid time and a half.',
  });
  const direct = await inv.act('employers', INV, {
    name: CAR_WASH.employer.name,
    fein: CAR_WASH.employer.fein,
    role: 'direct',
    basis: 'Operates the car wash and pays the washers.',
  });
  const joint = await inv.act('employers', INV, {
    name: CAR_WASH.staffing.name,
    role: 'joint',
    basis: CAR_WASH.staffing.basis,
  });
  const employerIds = { direct: direct.id as string, joint: joint.id as string };
  await inv.act(
    `hours-and-wages?source=employer_payroll&employerId=${employerIds.direct}`,
    INV,
    carWashHoursCsv(today),
    'text/csv',
  );
  const computed = await inv.act('back-wage-computations', INV, { ruleSetIds: ['US-FLSA'] });
  const totals = (computed.result as { totals: CarWashInvestigation['backWages'] }).totals;
  const w1 = workweekOf(addDays(today, -28), 'sunday');
  const violation = await inv.act('violations', INV, {
    type: 'overtime',
    statute: 'FLSA 7(a)',
    employerIds: [employerIds.direct, employerIds.joint],
    periodStart: w1,
    periodEnd: addDays(w1, 13),
    workersAffected: 3,
    willful: false,
    basis: 'Hours over 40 paid at straight time; a flat weekly sum below the minimum wage.',
  });
  const proposed = await inv.act('determination/proposal', INV, {
    summary:
      'Overtime and minimum wage owed to three washers; the car wash and the staffing agency are jointly liable.',
    computationId: computed.id,
    violationIds: [violation.id],
    employerIds: [employerIds.direct, employerIds.joint],
  });
  const determinationId = proposed.id as string;
  await inv.act('determination/approval', SUP, { determinationId });
  const issued = await inv.act('determination/issue', SUP, { determinationId });
  await beforeClosure();
  await inv.act('closure', SUP, { reason: 'determination_issued', note: 'Referred to collections.' });
  const result = (issued.result ?? {}) as { proposedBy?: string; approvedBy?: string };
  return {
    investigatorId: INV.sub,
    employerIds,
    computationId: computed.id as string,
    backWages: totals,
    determinationId,
    proposedBy: result.proposedBy,
    approvedBy: result.approvedBy,
    issued: issued.result as Json,
  };
}
