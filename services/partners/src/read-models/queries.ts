import type { PartnersListPosition } from '@lse/contracts';
import type { DataSource, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import {
  AgreementRow,
  DisclosureRow,
  MeetingRow,
  OutreachRow,
  PartnerDirectoryRow,
  ReferralStatusRow,
} from './entities';
import { needsPointPeople } from '@lse/partners-domain';

/** Keyset paging by (time column, id column), ascending. */
function page<T extends ObjectLiteral>(
  q: SelectQueryBuilder<T>,
  at: string,
  id: string,
  limit: number,
  after?: PartnersListPosition,
  cast = 'timestamptz',
) {
  if (after)
    q.andWhere(`(${at}, ${id}) > (:afterAt::${cast}, :afterId::uuid)`, {
      afterAt: after.at,
      afterId: after.id,
    });
  return q.orderBy(at, 'ASC').addOrderBy(id, 'ASC').limit(limit).getMany();
}

export async function listPartners(
  ds: DataSource,
  f: { type?: string; needsPointPeople?: 'true' | 'false'; active?: 'true' | 'false' },
  limit: number,
  after?: PartnersListPosition,
) {
  const q = ds.getRepository(PartnerDirectoryRow).createQueryBuilder('p');
  if (f.type) q.andWhere('p.type = :type', { type: f.type });
  if (f.active !== undefined) q.andWhere('p.active = :active', { active: f.active === 'true' });
  if (f.needsPointPeople !== undefined)
    // The query string's 'false' is text, and truthy: compare it, never test it.
    q.andWhere(f.needsPointPeople === 'true' ? 'p.contactCount < 2' : 'p.contactCount >= 2');
  const rows = await page(q, 'p.registeredAt', 'p.partnerId', limit, after);
  return rows.map(partnerView);
}

export function partnerView(r: PartnerDirectoryRow) {
  return {
    id: r.partnerId,
    name: r.name,
    type: r.type,
    languages: r.languages,
    industries: r.industries,
    region: r.region,
    office: r.office,
    active: r.active,
    contacts: r.contacts,
    needsPointPeople: needsPointPeople(r.contacts),
    meetings: r.meetingCount,
    at: r.registeredAt.toISOString(),
    version: r.version,
  };
}

export async function listAgreements(
  ds: DataSource,
  f: { partnerId?: string; status?: string; expiringWithinDays?: number },
  today: string,
  limit: number,
  after?: PartnersListPosition,
) {
  const q = ds.getRepository(AgreementRow).createQueryBuilder('a');
  if (f.partnerId) q.andWhere(':partner = ANY(a.partnerIds)', { partner: f.partnerId });
  if (f.status) q.andWhere('a.status = :status', { status: f.status });
  if (f.expiringWithinDays !== undefined) {
    // In force and ending within the window: the renewals to prepare.
    q.andWhere(
      "a.status = 'active' AND a.expiresOn >= :today AND a.expiresOn <= (:today::date + :days::int)",
      {
        today,
        days: f.expiringWithinDays,
      },
    );
    const rows = await page(q, 'a.expiresOn', 'a.agreementId', limit, after, 'date');
    return rows.map((r) => ({ ...agreementRowView(r), at: r.expiresOn }));
  }
  const rows = await page(q, 'a.draftedAt', 'a.agreementId', limit, after);
  return rows.map((r) => ({ ...agreementRowView(r), at: r.draftedAt.toISOString() }));
}

function agreementRowView(r: AgreementRow) {
  return {
    id: r.agreementId,
    type: r.type,
    title: r.title,
    partnerIds: r.partnerIds,
    scope: r.scope,
    sharingLevel: r.sharingLevel,
    status: r.status,
    effectiveOn: r.effectiveOn,
    expiresOn: r.expiresOn,
    fundedAmountCents: r.fundedAmountCents === null ? null : Number(r.fundedAmountCents),
    clauseVersion: r.clauseVersion,
    version: r.version,
  };
}

export async function listReferrals(
  ds: DataSource,
  f: { status?: string; partnerId?: string },
  limit: number,
  after?: PartnersListPosition,
) {
  const q = ds.getRepository(ReferralStatusRow).createQueryBuilder('r');
  if (f.status) q.andWhere('r.status = :status', { status: f.status });
  if (f.partnerId) q.andWhere('r.partnerId = :partner', { partner: f.partnerId });
  const rows = await page(q, 'r.submittedAt', 'r.referralId', limit, after);
  return rows.map((r) => ({
    id: r.referralId,
    partnerId: r.partnerId,
    status: r.status,
    employerName: r.employerName,
    workerCount: r.workerCount,
    declineReason: r.declineReason,
    consent: consentSummary(r.consents),
    submittedAt: r.submittedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    at: r.submittedAt.toISOString(),
  }));
}

/**
 * How many of a referral's workers consent to each scope, and how many to nothing (revoked or
 * never given): what a list shows, without naming any worker.
 */
export function consentSummary(consents: Array<{ scopes: string[] }>) {
  return {
    status: consents.filter((c) => c.scopes.includes('status')).length,
    outcome: consents.filter((c) => c.scopes.includes('outcome')).length,
    none: consents.filter((c) => c.scopes.length === 0).length,
  };
}

/** The ledger. A partner sees what was sent to it, never the withholdings or the reasons. */
export async function listDisclosures(
  ds: DataSource,
  f: { referralId?: string; partnerId?: string; kind?: string },
  limit: number,
  after?: PartnersListPosition,
) {
  const q = ds.getRepository(DisclosureRow).createQueryBuilder('d');
  if (f.referralId) q.andWhere('d.referralId = :referral', { referral: f.referralId });
  if (f.partnerId) q.andWhere('d.partnerId = :partner', { partner: f.partnerId });
  if (f.kind) q.andWhere('d.kind = :kind', { kind: f.kind });
  const rows = await page(q, 'd.at', 'd.eventId', limit, after);
  return rows.map((r) => ({
    id: r.eventId,
    referralId: r.referralId,
    partnerId: r.partnerId,
    kind: r.kind,
    milestone: r.milestone,
    fields: r.fields,
    withheldFields: r.withheldFields,
    reason: r.reason,
    agreementId: r.agreementId,
    clauseVersion: r.clauseVersion,
    sharingLevel: r.sharingLevel,
    consents: r.consents,
    at: r.at.toISOString(),
  }));
}

export async function listOutreach(
  ds: DataSource,
  f: { partnerId?: string; from?: string; to?: string },
  limit: number,
  after?: PartnersListPosition,
) {
  const q = ds.getRepository(OutreachRow).createQueryBuilder('o');
  if (f.partnerId) q.andWhere(':partner = ANY(o.partnerIds)', { partner: f.partnerId });
  if (f.from) q.andWhere('o.heldOn >= :from', { from: f.from });
  if (f.to) q.andWhere('o.heldOn <= :to', { to: f.to });
  const rows = await page(q, 'o.heldOn', 'o.outreachId', limit, after, 'date');
  return rows.map((r) => ({ id: r.outreachId, ...r, outreachId: undefined, at: r.heldOn }));
}

export async function listMeetings(
  ds: DataSource,
  partnerId: string,
  limit: number,
  after?: PartnersListPosition,
) {
  const q = ds
    .getRepository(MeetingRow)
    .createQueryBuilder('m')
    .where('m.partnerId = :partner', { partner: partnerId });
  const rows = await page(q, 'm.heldOn', 'm.meetingId', limit, after, 'date');
  return rows.map((r) => ({ id: r.meetingId, ...r, meetingId: undefined, at: r.heldOn }));
}
