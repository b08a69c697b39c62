import {
  AGREEMENT_CATEGORY,
  agreementStreamId,
  partnerStreamId,
  type AgreementDrafted,
  type FoiaRecordRequest,
} from '@lse/contracts';
import type { RecordSectionsInput } from '@lse/audit-domain';
import type { EventStore } from '@lse/event-store';
import { idOfStream, readAllAsOf } from './read';

/**
 * What an agreement's record holds from a party's partner stream: the organization's registry
 * entry and its point people (ContactAdded/ContactRemoved). The point people's names, e-mails and
 * phones are classified personal in libs/contracts/src/partner/parts.ts (ContactSchema) and are
 * withheld; their role is public. The agreement's signatories are recorded as titles, not names
 * (AgreementSigned: "Labor Commissioner"), officials acting officially: public, released. Meetings
 * and deactivation are the partner's own records, not the agreement's.
 */
export const PARTY_RECORD_TYPES = new Set(['PartnerRegistered', 'ContactAdded', 'ContactRemoved']);

/** The agreements a request names, each once, in request order (by id, then those found through a partner). */
export async function agreementIdsNamed(
  store: EventStore,
  records: readonly FoiaRecordRequest[],
  cutoff: string,
): Promise<string[]> {
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  const partners = records.flatMap((r) => (r.kind === 'partner_agreements' ? [r.partnerId] : []));
  const drafted =
    partners.length > 0
      ? await readAllAsOf(store, { categories: [AGREEMENT_CATEGORY], types: ['AgreementDrafted'] }, cutoff)
      : [];
  for (const r of records) {
    if (r.kind === 'agreement') add(r.agreementId);
    if (r.kind === 'partner_agreements')
      for (const e of drafted)
        if ((e.data as AgreementDrafted).partnerIds.includes(r.partnerId)) add(idOfStream(e.streamId));
  }
  return ids;
}

/**
 * Each named agreement as of the cut-off: its own stream (drafting, signature, amendments with
 * their clauses, renewal, expiry, termination) and its parties' registry entries and point people.
 * An id with no agreement at the cut-off gives an agreement with no records (the package says so).
 */
export async function gatherAgreements(
  store: EventStore,
  records: readonly FoiaRecordRequest[],
  cutoff: string,
): Promise<RecordSectionsInput['agreements']> {
  const out: RecordSectionsInput['agreements'] = [];
  for (const agreementId of await agreementIdsNamed(store, records, cutoff)) {
    const own = await store.readStream(agreementStreamId(agreementId), { asOf: cutoff });
    const draft = own.find((e) => e.type === 'AgreementDrafted');
    const parties = draft ? (draft.data as AgreementDrafted).partnerIds : [];
    const partyRecords = [];
    for (const partnerId of parties) {
      const events = await store.readStream(partnerStreamId(partnerId), { asOf: cutoff });
      partyRecords.push(...events.filter((e) => PARTY_RECORD_TYPES.has(e.type)));
    }
    out.push({ agreementId, records: [...own, ...partyRecords] });
  }
  return out;
}
