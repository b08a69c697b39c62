import {
  agreementEventOf,
  categoryOf,
  outreachEventOf,
  partnerEventOf,
  referralEventOf,
  type AgreementEvent,
  type OutreachEvent,
  type PartnerEvent,
  type ReferralEvent,
} from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import type { EntityManager } from 'typeorm';
import {
  AgreementRow,
  DisclosureRow,
  MeetingRow,
  OutreachRow,
  PartnerDirectoryRow,
  ReferralStatusRow,
} from './entities';

const idOf = (streamId: string) => streamId.slice(streamId.indexOf('-') + 1);

/** Applies one partners event to the read models, inside the caller's transaction. */
export async function projectEvent(em: EntityManager, recorded: RecordedEvent): Promise<void> {
  const id = idOf(recorded.streamId);
  const version = recorded.streamVersion;
  switch (categoryOf(recorded.streamId)) {
    case 'partner':
      return projectPartner(em, id, version, partnerEventOf(recorded));
    case 'agreement':
      return projectAgreement(em, id, version, agreementEventOf(recorded), recorded);
    case 'referral':
      return projectReferral(em, id, version, referralEventOf(recorded), recorded);
    case 'outreach':
      return projectOutreach(em, id, outreachEventOf(recorded));
  }
}

async function projectPartner(em: EntityManager, partnerId: string, version: number, event: PartnerEvent) {
  const repo = em.getRepository(PartnerDirectoryRow);
  if (event.type === 'PartnerRegistered') {
    const d = event.data;
    await repo.insert({
      partnerId,
      name: d.name,
      type: d.type,
      languages: d.languages,
      industries: d.industries,
      region: d.region,
      office: d.office,
      active: true,
      contacts: [],
      contactCount: 0,
      meetingCount: 0,
      registeredAt: new Date(`${d.registeredAt}T00:00:00Z`),
      version,
    });
    return;
  }
  const row = await repo.findOneByOrFail({ partnerId });
  switch (event.type) {
    case 'ContactAdded':
      row.contacts = [...row.contacts, event.data.contact];
      break;
    case 'ContactRemoved':
      row.contacts = row.contacts.filter((c) => c.contactId !== event.data.contactId);
      break;
    case 'PartnerDeactivated':
      row.active = false;
      break;
    case 'PartnerMeetingLogged': {
      const m = event.data;
      row.meetingCount += 1;
      await em.getRepository(MeetingRow).insert({
        meetingId: m.meetingId,
        partnerId,
        heldOn: m.heldOn,
        kind: m.kind,
        agencyAttendees: m.agencyAttendees,
        partnerAttendees: m.partnerAttendees,
        topics: m.topics,
      });
      break;
    }
  }
  row.contactCount = row.contacts.length;
  row.version = version;
  await repo.save(row);
}

async function projectAgreement(
  em: EntityManager,
  agreementId: string,
  version: number,
  event: AgreementEvent,
  recorded: RecordedEvent,
) {
  const repo = em.getRepository(AgreementRow);
  if (event.type === 'AgreementDrafted') {
    const d = event.data;
    await repo.insert({
      agreementId,
      type: d.type,
      title: d.title,
      partnerIds: d.partnerIds,
      scope: d.scope,
      sharingLevel: d.sharingLevel,
      status: 'drafted',
      effectiveOn: d.effectiveOn,
      expiresOn: d.expiresOn,
      fundedAmountCents: d.fundedAmountCents === undefined ? null : String(d.fundedAmountCents),
      clauseVersion: 1,
      draftedAt: new Date(recorded.metadata.occurredAt),
      version,
    });
    return;
  }
  const changes: Partial<AgreementRow> = { version };
  switch (event.type) {
    case 'AgreementSigned':
      changes.status = 'active';
      break;
    case 'AgreementAmended': {
      const c = event.data.changes;
      changes.clauseVersion = event.data.clauseVersion;
      if (c.sharingLevel) changes.sharingLevel = c.sharingLevel;
      if (c.scope) changes.scope = c.scope;
      if (c.expiresOn) changes.expiresOn = c.expiresOn;
      if (c.fundedAmountCents !== undefined) changes.fundedAmountCents = String(c.fundedAmountCents);
      break;
    }
    case 'AgreementRenewed':
      Object.assign(changes, { status: 'active', expiresOn: event.data.expiresOn });
      break;
    case 'AgreementExpired':
      changes.status = 'expired';
      break;
    case 'AgreementTerminated':
      changes.status = 'terminated';
      break;
  }
  await repo.update({ agreementId }, changes);
}

async function projectReferral(
  em: EntityManager,
  referralId: string,
  version: number,
  event: ReferralEvent,
  recorded: RecordedEvent,
) {
  const repo = em.getRepository(ReferralStatusRow);
  switch (event.type) {
    case 'ReferralSubmitted':
      await repo.insert({
        referralId,
        partnerId: event.data.partnerId,
        status: 'submitted',
        employerName: event.data.employer.name,
        workerCount: event.data.workers.length,
        consents: event.data.workers.map((w) => ({
          workerId: w.workerId,
          version: 1,
          scopes: w.consent.scopes,
        })),
        declineReason: null,
        submittedAt: new Date(event.data.submittedAt),
        decidedAt: null,
        version,
      });
      return;
    case 'ReferralAccepted':
      await repo.update(
        { referralId },
        { status: 'accepted', decidedAt: new Date(event.data.acceptedAt), version },
      );
      return;
    case 'ReferralDeclined':
      await repo.update(
        { referralId },
        {
          status: 'declined',
          declineReason: event.data.reasonCode,
          decidedAt: new Date(event.data.declinedAt),
          version,
        },
      );
      return;
    case 'ReferralClosed':
      await repo.update({ referralId }, { status: 'closed', version });
      return;
    case 'ConsentGranted':
    case 'ConsentNarrowed':
    case 'ConsentRevoked': {
      const row = await repo.findOneByOrFail({ referralId });
      const { workerId, version: consentVersion } = event.data;
      const scopes = event.type === 'ConsentRevoked' ? [] : event.data.scopes;
      const consents = row.consents.map((c) =>
        c.workerId === workerId ? { workerId, version: consentVersion, scopes } : c,
      );
      await repo.update({ referralId }, { consents, version });
      return;
    }
    case 'StatusSharedWithPartner':
    case 'DisclosureWithheld': {
      const d = event.data;
      const shared = event.type === 'StatusSharedWithPartner' ? event.data : undefined;
      const withheld = event.type === 'DisclosureWithheld' ? event.data : undefined;
      await em.getRepository(DisclosureRow).insert({
        eventId: recorded.eventId,
        referralId,
        partnerId: d.partnerId,
        kind: shared ? 'shared' : 'withheld',
        milestone: d.milestone,
        fields: shared?.fields ?? {},
        withheldFields: d.withheldFields,
        reason: withheld?.reason ?? null,
        agreementId: d.agreementId ?? null,
        clauseVersion: d.clauseVersion ?? null,
        sharingLevel: d.sharingLevel ?? null,
        consents: d.consents,
        at: new Date(shared?.sharedAt ?? withheld!.decidedAt),
      });
      await repo.update({ referralId }, { version });
      return;
    }
    default:
      await repo.update({ referralId }, { version });
  }
}

async function projectOutreach(em: EntityManager, outreachId: string, event: OutreachEvent) {
  const d = event.data;
  await em.getRepository(OutreachRow).insert({
    outreachId,
    kind: d.kind,
    title: d.title,
    heldOn: d.heldOn,
    office: d.office,
    partnerIds: d.partnerIds,
    attendance: d.attendance,
    languages: d.languages,
    industries: d.industries,
  });
}
