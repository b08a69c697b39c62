import { COMPLAINT_EVENTS, type ComplaintEvent, type ComplaintEventType } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import type { EntityManager } from 'typeorm';
import { targetedIndustryOf, workersAffected, type TargetedIndustry } from '@lse/intake-domain';
import { CaseIndexRow } from './case-index/case-index.entity';
import { ComplaintQueueRow } from './complaint-queue/complaint-queue.entity';
import { normalizeAddress, normalizeEmployerName, normalizeFein } from './employer-index/normalize';
import { EmployerIndexRow } from './employer-index/employer-index.entity';

/** A stored complaint event, upcast and validated into the shape the projections read. */
export function complaintEventOf(event: RecordedEvent): ComplaintEvent {
  const definition = COMPLAINT_EVENTS[event.type as ComplaintEventType];
  if (!definition) throw new Error(`unknown complaint event type ${event.type}`);
  return { type: event.type, data: definition.parse(event.schemaVersion, event.data) } as ComplaintEvent;
}

const CLOSING_STATUS: Partial<Record<ComplaintEventType, string>> = {
  DuplicateLinked: 'duplicate',
  ComplaintDeclined: 'declined',
  ComplaintWithdrawn: 'withdrawn',
};

/**
 * Applies one complaint event to the queue, case index and employer index, inside the caller's
 * transaction. Only what lists and lookups need is copied: no complainant identity.
 */
export async function projectEvent(
  em: EntityManager,
  recorded: RecordedEvent,
  industries: readonly TargetedIndustry[],
): Promise<void> {
  const caseId = recorded.metadata.caseId ?? recorded.streamId.slice('complaint-'.length);
  const version = recorded.streamVersion;
  const queue = em.getRepository(ComplaintQueueRow);
  const employers = em.getRepository(EmployerIndexRow);
  const event = complaintEventOf(recorded);

  const setStatus = async (status: string) => {
    await queue.update({ caseId }, { status, version });
    await employers.update({ caseId }, { status });
  };

  switch (event.type) {
    case 'ComplaintReceived': {
      const d = event.data;
      const receivedAt = new Date(d.receivedAt);
      await queue.insert({
        caseId,
        status: 'received',
        priority: null,
        score: null,
        office: d.office,
        channel: d.channel,
        naics: d.employer.naics ?? null,
        industry: targetedIndustryOf(d.employer.naics, industries)?.industry ?? null,
        employerName: d.employer.name,
        workersAffected: workersAffected({ allegations: d.allegations } as never),
        ongoing: d.allegations.some((a) => a.ongoing),
        limitationsExpiresOn: null,
        limitationsWarning: null,
        caseNumber: null,
        receivedAt,
        version,
      });
      await employers.insert({
        caseId,
        normalizedName: normalizeEmployerName(d.employer.name),
        fein: normalizeFein(d.employer.fein),
        normalizedAddress: normalizeAddress(d.employer.address),
        employerName: d.employer.name,
        naics: d.employer.naics ?? null,
        status: 'received',
        caseNumber: null,
        receivedAt,
      });
      return;
    }
    case 'ComplaintAmended': {
      const { employer, allegations } = event.data.changes;
      const changes: Partial<ComplaintQueueRow> = { version };
      if (employer) {
        Object.assign(changes, {
          employerName: employer.name,
          naics: employer.naics ?? null,
          industry: targetedIndustryOf(employer.naics, industries)?.industry ?? null,
        });
        await employers.update(
          { caseId },
          {
            normalizedName: normalizeEmployerName(employer.name),
            fein: normalizeFein(employer.fein),
            normalizedAddress: normalizeAddress(employer.address),
            employerName: employer.name,
            naics: employer.naics ?? null,
          },
        );
      }
      if (allegations) {
        Object.assign(changes, {
          workersAffected: workersAffected({ allegations } as never),
          ongoing: allegations.some((a) => a.ongoing),
        });
      }
      await queue.update({ caseId }, changes);
      return;
    }
    case 'LimitationsAssessed':
      await queue.update(
        { caseId },
        {
          limitationsExpiresOn: event.data.expiresOn,
          limitationsWarning: event.data.warning ?? null,
          version,
        },
      );
      return;
    case 'TriageScored':
      await queue.update({ caseId }, { score: event.data.score, priority: event.data.priority, version });
      return;
    case 'ComplaintReferredOut':
      if (event.data.crossFiled) await queue.update({ caseId }, { version });
      else await setStatus('referred_out');
      return;
    case 'CaseOpened': {
      const { caseNumber, priority, office, openedAt } = event.data;
      await queue.update({ caseId }, { status: 'opened', caseNumber, priority, version });
      await employers.update({ caseId }, { status: 'opened', caseNumber });
      const employer = await employers.findOneByOrFail({ caseId });
      await em.getRepository(CaseIndexRow).insert({
        caseId,
        caseNumber,
        employerName: employer.employerName,
        employerFein: employer.fein,
        status: 'open',
        priority,
        office,
        openedAt: new Date(openedAt),
      });
      return;
    }
    case 'JurisdictionAssessed':
      await queue.update({ caseId }, { version });
      return;
    default: {
      const status = CLOSING_STATUS[event.type];
      if (status) await setStatus(status);
    }
  }
}
