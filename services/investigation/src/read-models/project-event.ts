import { investigationEventOf } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import type { EntityManager } from 'typeorm';
import { FindingRow } from './findings/finding-row.entity';
import { InvestigationRow } from './investigations/investigation-row.entity';

/**
 * InvestigationOpened events in one statement (cases opened together arrive together). Each is
 * its stream's first event, so no case appears twice; were one replayed twice, the later wins.
 */
export async function projectOpenedInvestigations(em: EntityManager, opened: RecordedEvent[]): Promise<void> {
  const rows = new Map<string, Omit<InvestigationRow, 'nextStep'>>();
  for (const recorded of opened) {
    const event = investigationEventOf(recorded);
    if (event.type !== 'InvestigationOpened') throw new Error(`${recorded.type} is not InvestigationOpened`);
    const caseId = caseIdOf(recorded);
    const d = event.data;
    rows.set(caseId, {
      caseId,
      caseNumber: d.caseNumber,
      priority: d.priority,
      office: d.office,
      openedAt: new Date(d.openedAt),
      status: 'open',
      investigatorId: null,
      determinationStatus: null,
      determinedCents: null,
      hoursVersion: null,
      computedVersion: null,
      version: recorded.streamVersion,
    });
  }
  if (rows.size) await em.getRepository(InvestigationRow).upsert([...rows.values()], ['caseId']);
}

function caseIdOf(recorded: RecordedEvent): string {
  return recorded.metadata.caseId ?? recorded.streamId.slice('investigation-'.length);
}

/**
 * Applies one investigation event to the read models, inside the caller's transaction. Only what
 * lists need is copied: no interview content, no worker names.
 */
export async function projectEvent(em: EntityManager, recorded: RecordedEvent): Promise<void> {
  const caseId = caseIdOf(recorded);
  const version = recorded.streamVersion;
  const recordedAt = new Date(recorded.metadata.occurredAt);
  const investigations = em.getRepository(InvestigationRow);
  const findings = em.getRepository(FindingRow);
  const event = investigationEventOf(recorded);
  const finding = (row: Omit<FindingRow, 'caseId' | 'recordedAt' | 'version'>) =>
    findings.upsert({ ...row, caseId, recordedAt, version }, ['caseId', 'findingId']);

  switch (event.type) {
    case 'InvestigationOpened':
      await projectOpenedInvestigations(em, [recorded]);
      return;
    case 'InvestigatorAssigned':
      await investigations.update({ caseId }, { investigatorId: event.data.investigatorId, version });
      return;
    case 'HoursAndWagesRecorded':
      await investigations.update({ caseId }, { hoursVersion: version, version });
      return;
    case 'BackWagesComputed':
      await finding({
        findingId: event.data.computationId,
        kind: 'back_wages',
        label: event.data.ruleSets.map((r) => `${r.id}@${r.version}`).join(' + '),
        statute: null,
        amountCents: String(event.data.totals.totalCents),
      });
      await investigations.update({ caseId }, { computedVersion: version, version });
      return;
    case 'ViolationFound':
      await finding({
        findingId: event.data.violationId,
        kind: 'violation',
        label: event.data.type,
        statute: event.data.statute,
        amountCents: null,
      });
      break;
    case 'CivilPenaltyAssessed':
      await finding({
        findingId: event.data.penaltyId,
        kind: 'civil_penalty',
        label: 'civil_penalty',
        statute: event.data.statute,
        amountCents: String(event.data.amountCents),
      });
      break;
    case 'RetaliationConcernFlagged':
      await finding({
        findingId: event.data.concernId,
        kind: 'retaliation_concern',
        label: event.data.kind,
        statute: null,
        amountCents: null,
      });
      break;
    case 'DeterminationProposed':
      await findings.delete({ caseId, kind: 'determination' }); // a new proposal replaces the pending one
      await finding({
        findingId: event.data.determinationId,
        kind: 'determination',
        label: 'proposed',
        statute: null,
        amountCents: null,
      });
      await investigations.update({ caseId }, { determinationStatus: 'proposed', version });
      return;
    case 'DeterminationApproved':
      await findings.update(
        { caseId, findingId: event.data.determinationId },
        { label: 'approved', version },
      );
      await investigations.update({ caseId }, { determinationStatus: 'approved', version });
      return;
    case 'DeterminationIssued': {
      const total = String(event.data.totals.totalCents);
      await findings.update(
        { caseId, findingId: event.data.determinationId },
        { label: 'issued', amountCents: total, version },
      );
      await investigations.update(
        { caseId },
        { determinationStatus: 'issued', determinedCents: total, version },
      );
      return;
    }
    case 'InvestigationClosed':
      await investigations.update({ caseId }, { status: 'closed', version });
      return;
    case 'InvestigationReopened':
      await investigations.update({ caseId }, { status: 'open', version });
      return;
    default:
      break;
  }
  await investigations.update({ caseId }, { version });
}
