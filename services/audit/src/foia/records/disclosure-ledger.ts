import {
  categoryOf,
  partnerStreamId,
  REFERRAL_CATEGORY,
  type DisclosureWithheld,
  type FoiaRecordRequest,
  type PartnerRegistered,
  type StatusSharedWithPartner,
} from '@lse/contracts';
import type { RecordSectionsInput } from '@lse/audit-domain';
import type { EventStore } from '@lse/event-store';
import { caseEventsAsOf, foldCase } from '../../replay/case-state';
import { AUDIT_OWN_CATEGORIES } from '../../replay/replayers';
import { dataOf, idOfStream, readAllAsOf } from './read';

/** The ledger's entries: what went to a partner, and what was decided not to (partners' `disclosure_ledger`). */
export const LEDGER_TYPES = ['StatusSharedWithPartner', 'DisclosureWithheld'] as const;

const decidedOn = (e: { type: string; data: StatusSharedWithPartner | DisclosureWithheld }) =>
  new Date('sharedAt' in e.data ? e.data.sharedAt : e.data.decidedAt).toISOString().slice(0, 10);

/**
 * Each named partner's disclosure ledger for its period (decision date, UTC, both days included)
 * as of the cut-off: every StatusSharedWithPartner and DisclosureWithheld naming the partner, whole
 * (recipient, agreement and clause version, sharing level, the fields sent and kept back, each
 * worker's consent version). The package redacts them by their classifications: the workers' ids
 * and consent scopes and the amounts owed to them are personal. Each entry carries whether its case
 * was open at the cut-off, for the exemption that applies only then.
 */
export async function gatherDisclosureLedger(
  store: EventStore,
  records: readonly FoiaRecordRequest[],
  cutoff: string,
): Promise<RecordSectionsInput['disclosureLedger']> {
  const named = records.flatMap((r) => (r.kind === 'disclosure_ledger' ? [r] : []));
  if (named.length === 0) return [];
  const events = await readAllAsOf(
    store,
    { categories: [REFERRAL_CATEGORY], types: [...LEDGER_TYPES] },
    cutoff,
  );
  const openAtCutoff = new Map<string, boolean>();
  const caseOpen = async (caseId: string) => {
    if (!openAtCutoff.has(caseId)) {
      const own = (await caseEventsAsOf(store, caseId, cutoff)).filter(
        (e) => !AUDIT_OWN_CATEGORIES.has(categoryOf(e.streamId)),
      );
      openAtCutoff.set(caseId, foldCase(caseId, cutoff, own).open);
    }
    return openAtCutoff.get(caseId)!;
  };
  const out: RecordSectionsInput['disclosureLedger'] = [];
  for (const { partnerId, from, to } of named) {
    const entries = [];
    for (const e of events) {
      const data = dataOf<StatusSharedWithPartner | DisclosureWithheld>(e);
      if (data.partnerId !== partnerId) continue;
      const on = decidedOn({ type: e.type, data });
      if (on < from || on > to) continue;
      entries.push({ caseOpen: await caseOpen(idOfStream(e.streamId)), record: e });
    }
    const registry = await store.readStream(partnerStreamId(partnerId), { asOf: cutoff });
    const registered = registry.find((e) => e.type === 'PartnerRegistered');
    out.push({
      partnerId,
      // PartnerRegistered.name is public (the registry of partner organizations).
      organization: registered ? dataOf<PartnerRegistered>(registered).name : null,
      from,
      to,
      entries,
    });
  }
  return out;
}
