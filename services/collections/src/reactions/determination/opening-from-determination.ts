import {
  COMPLAINT_EVENTS,
  DeterminationIssued,
  eventOf,
  type CaseOpened,
  type CollectionCaseOpened,
  type ComplaintEventType,
  type ComplaintReceived,
} from '@lse/contracts';
import { ERASED } from '@lse/crypto-shred';
import { utcDateOf } from '@lse/domain';
import type { RecordedEvent } from '@lse/event-store';

/** What collections learns from the case's complaint stream: office, industry, who asked for confidentiality. */
export interface ComplaintFacts {
  caseNumber?: string;
  office?: string;
  naics?: string;
  confidentialIds: Set<string>;
  confidentialNames: Set<string>;
  /** Each complainant's preferred language, by complainant id (= worker id) and by name. */
  languages: Map<string, string>;
}

export const normalName = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

export function complaintFacts(events: readonly RecordedEvent[]): ComplaintFacts {
  const facts: ComplaintFacts = {
    confidentialIds: new Set(),
    confidentialNames: new Set(),
    languages: new Map(),
  };
  for (const e of events) {
    const definition = COMPLAINT_EVENTS[e.type as ComplaintEventType];
    if (!definition) continue;
    if (e.type === 'ComplaintReceived') {
      // Not validated again (eventOf): an erased complainant's phone and language read as stand-ins
      // (`[erased]`) that the schema would refuse (docs/architecture.md#crypto-shredding).
      const data = eventOf<{ type: 'ComplaintReceived'; data: ComplaintReceived }>(e).data;
      facts.office ??= data.office;
      facts.naics = data.employer.naics;
      for (const c of data.complainants) {
        if (c.preferredLanguage && c.preferredLanguage !== ERASED) {
          facts.languages.set(c.complainantId, c.preferredLanguage);
          if (c.name) facts.languages.set(normalName(c.name), c.preferredLanguage);
        }
        if (!c.confidentialityRequested) continue;
        facts.confidentialIds.add(c.complainantId);
        if (c.name && c.name !== ERASED) facts.confidentialNames.add(normalName(c.name));
      }
    } else if (e.type === 'CaseOpened') {
      const data = eventOf<{ type: 'CaseOpened'; data: CaseOpened }>(e).data;
      facts.office = data.office;
      facts.caseNumber = data.caseNumber;
    }
  }
  return facts;
}

/**
 * The CollectionCaseOpened a DeterminationIssued calls for, or undefined when nobody is owed
 * anything. Workers owed nothing are left out; a worker is confidential when the complaint says
 * so (same id or same name as a complainant who asked for confidentiality).
 */
export function openingFor(cause: RecordedEvent, facts: ComplaintFacts): CollectionCaseOpened | undefined {
  const d = DeterminationIssued.parse(cause.schemaVersion, cause.data);
  const workers = d.workers
    .filter((w) => w.totalCents > 0)
    .map((w) => ({
      workerId: w.workerId,
      name: w.name,
      assessedCents: w.totalCents,
      confidentialityRequested:
        facts.confidentialIds.has(w.workerId) || facts.confidentialNames.has(normalName(w.name)),
    }));
  if (workers.length === 0) return undefined;
  const caseNumber = d.caseNumber ?? facts.caseNumber;
  return {
    determinationId: d.determinationId,
    ...(caseNumber ? { caseNumber } : {}),
    office: facts.office ?? 'UNASSIGNED',
    ...(facts.naics ? { naics: facts.naics } : {}),
    openedOn: utcDateOf(new Date(d.issuedAt)),
    debtors: d.liableEmployers.map((e) => ({
      debtorId: e.employerId,
      name: e.name,
      role: e.role,
      ...(e.fein ? { fein: e.fein } : {}),
    })),
    workers,
    totalAssessedCents: workers.reduce((s, w) => s + w.assessedCents, 0),
    civilPenaltiesCents: d.totals.civilPenaltiesCents,
  };
}
