/**
 * The records a FOIA request names besides cases, gathered from the real store as of the cut-off:
 * agreements (by id and through a partner) with their parties' point people, a partner's referral
 * facts and its disclosure ledger; then compiled through the desk, redacted and released.
 */
import { randomUUID } from 'node:crypto';
import {
  AGREEMENT_EVENTS,
  agreementStreamId,
  FoiaRecordRequestSchema,
  PARTNER_EVENTS,
  partnerStreamId,
  REFERRAL_EVENTS,
  referralStreamId,
  type FoiaRecordRequest,
} from '@lse/contracts';
import { PostgresEventStore, type NewEvent } from '@lse/event-store';
import { draft, submitted } from '@lse/partners-domain/test/fixtures';
import { z } from 'zod';
import { gatherAgreements } from '../src/foia/records/agreements';
import { gatherDisclosureLedger } from '../src/foia/records/disclosure-ledger';
import { gatherReferralStatistics } from '../src/foia/records/referral-statistics';
import { auditHarness, type AuditHarness } from './harness';

const EVENTS = { ...PARTNER_EVENTS, ...AGREEMENT_EVENTS, ...REFERRAL_EVENTS } as Record<
  string,
  { create(input: unknown): NewEvent }
>;
const PLANTED_PHONE = '+1 415 555 0142';
const PLANTED_EMAIL = 'point.person@center.example';
const named = (records: unknown[]): FoiaRecordRequest[] => z.array(FoiaRecordRequestSchema).parse(records);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('FOIA named records on the real store', () => {
  let h: AuditHarness;
  let partners: PostgresEventStore;
  let cutoff: string;
  const p = randomUUID();
  const q = randomUUID();
  const [a1, a2, a3, late] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const referrals = Array.from({ length: 7 }, () => randomUUID());
  const ev = (type: string, data: unknown, caseId?: string): NewEvent =>
    EVENTS[type].create({
      eventId: randomUUID(),
      data,
      metadata: {
        ...(caseId ? { caseId } : {}),
        actor: { id: 'liaison-1', role: 'partner_liaison' },
        correlationId: randomUUID(),
        sourceService: 'partners',
        occurredAt: '2026-03-10T15:00:00.000Z',
      },
    });
  const registered = (name: string) =>
    ev('PartnerRegistered', {
      name,
      type: 'worker_center',
      languages: ['es'],
      industries: ['car_washes'],
      region: 'San Francisco',
      office: 'SF-01',
      registeredAt: '2026-01-01',
    });
  const contact = (name: string) =>
    ev('ContactAdded', {
      contact: {
        contactId: randomUUID(),
        name,
        role: 'organizer',
        phone: PLANTED_PHONE,
        email: PLANTED_EMAIL,
      },
    });
  const agreement = async (id: string, partnerIds: string[]) =>
    partners.append(
      agreementStreamId(id),
      [
        ev('AgreementDrafted', draft({ partnerIds })),
        ev('AgreementSigned', { signedOn: '2026-01-02', signatories: ['Labor Commissioner'] }),
      ],
      'no_stream',
    );
  const refer = async (id: string, partnerId: string, then?: 'ReferralAccepted' | 'ReferralDeclined') =>
    partners.append(
      referralStreamId(id),
      [
        ev('ReferralSubmitted', submitted({ partnerId, submittedAt: '2026-03-10T15:00:00.000Z' }), id),
        ...(then === 'ReferralAccepted' ? [ev(then, { acceptedAt: '2026-03-11T15:00:00.000Z' }, id)] : []),
        ...(then === 'ReferralDeclined'
          ? [ev(then, { reasonCode: 'no_jurisdiction', declinedAt: '2026-03-11T15:00:00.000Z' }, id)]
          : []),
      ],
      'no_stream',
    );
  const shared = (partnerId: string, agreementId: string, caseId: string) =>
    ev(
      'StatusSharedWithPartner',
      {
        partnerId,
        milestone: 'case_opened',
        fields: { status: 'case_opened' },
        withheldFields: [],
        agreementId,
        clauseVersion: 1,
        sharingLevel: 'status',
        consents: [{ workerId: randomUUID(), version: 1, scopes: ['status'] }],
        sharedAt: '2026-03-12T15:00:00.000Z',
      },
      caseId,
    );

  beforeAll(async () => {
    h = await auditHarness();
    partners = new PostgresEventStore({
      pool: h.events.pool,
      schema: h.events.schema,
      service: 'partners',
      categories: ['partner', 'agreement', 'referral'],
    });
    await partners.append(
      partnerStreamId(p),
      [registered('Mission Worker Center'), contact('Rosa Point')],
      'no_stream',
    );
    await partners.append(
      partnerStreamId(q),
      [registered('Bay Legal Aid'), contact('Lee Point')],
      'no_stream',
    );
    await agreement(a1, [p]);
    await agreement(a2, [p, q]);
    await agreement(a3, [q]);
    for (const id of referrals.slice(0, 5)) await refer(id, p, 'ReferralAccepted');
    await refer(referrals[5], p, 'ReferralDeclined');
    await refer(referrals[6], q, 'ReferralAccepted');
    await partners.append(referralStreamId(referrals[0]), [shared(p, a1, referrals[0])], 2);
    await partners.append(referralStreamId(referrals[6]), [shared(q, a3, referrals[6])], 2);
    await sleep(20);
    cutoff = new Date().toISOString();
    await sleep(20);
    // After the cut-off: in no package compiled as of it.
    await agreement(late, [p]);
    await partners.append(partnerStreamId(p), [contact('Late Point')], 2);
    await refer(randomUUID(), p);
    await partners.append(referralStreamId(referrals[1]), [shared(p, a1, referrals[1])], 2);
  });
  afterAll(() => h.cleanup());

  it("gathers the agreements named by id and through a partner, once each, with their parties' point people as of the cut-off", async () => {
    const gathered = await gatherAgreements(
      h.core.store,
      named([
        { kind: 'agreement', agreementId: a3 },
        { kind: 'partner_agreements', partnerId: p },
        { kind: 'agreement', agreementId: a1 },
      ]),
      cutoff,
    );
    expect(gathered.map((a) => a.agreementId)).toEqual([a3, a1, a2]);
    const types = (i: number) => gathered[i].records.map((r) => `${r.streamId.split('-')[0]}:${r.type}`);
    expect(types(1)).toEqual([
      'agreement:AgreementDrafted',
      'agreement:AgreementSigned',
      'partner:PartnerRegistered',
      'partner:ContactAdded',
    ]);
    // Both parties' point people for the agreement with two.
    expect(types(2).filter((t) => t === 'partner:ContactAdded')).toHaveLength(2);
    const unknown = await gatherAgreements(
      h.core.store,
      named([{ kind: 'agreement', agreementId: randomUUID() }]),
      cutoff,
    );
    expect(unknown[0].records).toEqual([]);
  });

  it("gathers a partner's referral facts as of the cut-off: status and channel, the workers counted only", async () => {
    const [stats] = await gatherReferralStatistics(
      h.core.store,
      named([{ kind: 'referral_statistics', partnerId: p, from: '2026-03-01', to: '2026-03-31' }]),
      cutoff,
    );
    expect(stats.referrals).toHaveLength(6);
    expect(stats.referrals.filter((r) => r.status === 'accepted')).toHaveLength(5);
    expect(stats.referrals.filter((r) => r.status === 'declined')).toHaveLength(1);
    expect(stats.referrals.every((r) => r.channel === 'partner_referral' && r.workers === 1)).toBe(true);
    expect(JSON.stringify(stats)).not.toContain('Ana Ruiz');
  });

  it("gathers the partner's disclosure ledger in its period as of the cut-off, with the recipient's name", async () => {
    const gather = (from: string, to: string) =>
      gatherDisclosureLedger(
        h.core.store,
        named([{ kind: 'disclosure_ledger', partnerId: p, from, to }]),
        cutoff,
      );
    const [ledger] = await gather('2026-03-01', '2026-03-31');
    expect(ledger.organization).toBe('Mission Worker Center');
    expect(ledger.entries.map((e) => [e.record.streamId, e.record.type])).toEqual([
      [referralStreamId(referrals[0]), 'StatusSharedWithPartner'],
    ]);
    expect(ledger.entries[0].caseOpen).toBe(true);
    expect((await gather('2026-04-01', '2026-04-30'))[0].entries).toEqual([]);
  });

  it('compiles a records-only request: sections redacted, redactions recorded under their records, released', async () => {
    const ctx = () => ({
      actor: { id: 'foia-1', role: 'foia_officer' as const },
      correlationId: randomUUID(),
      now: new Date(),
    });
    const { requestId } = await h.core.foia.receive(
      {
        requester: { name: 'A. Reporter' },
        description: 'Agreements and referrals of the Mission Worker Center.',
        caseIds: [],
        records: named([
          { kind: 'partner_agreements', partnerId: p },
          { kind: 'referral_statistics', partnerId: p, from: '2026-03-01', to: '2026-03-31' },
          { kind: 'disclosure_ledger', partnerId: p, from: '2026-03-01', to: '2026-03-31' },
        ]),
        jurisdiction: 'federal',
      },
      ctx(),
    );
    const compiled = await h.core.foia.compile(requestId, cutoff, ctx());
    const json = JSON.stringify(compiled.package);
    for (const planted of [PLANTED_PHONE, PLANTED_EMAIL, 'Rosa Point']) {
      expect(json).not.toContain(planted);
      expect(compiled.html).not.toContain(planted);
    }
    expect(compiled.package.records!.agreements.map((a) => a.agreementId)).toEqual([a1, a2]);
    // 5 accepted, 1 declined: the declined 1 and, by complement, the accepted 5 are withheld.
    expect(compiled.package.records!.referralStatistics[0]).toMatchObject({
      referrals: 6,
      workersReferred: 6,
    });
    expect(compiled.package.records!.referralStatistics[0].byStatus.declined).toMatch(/^\[WITHHELD/);
    const applied = (await h.core.store.readStream(`foia-${requestId}`)).filter(
      (e) => e.type === 'RedactionApplied',
    );
    expect(applied.map((e) => (e.data as { record?: { section: string } }).record?.section)).toEqual(
      expect.arrayContaining(['agreements', 'referral_statistics', 'disclosure_ledger']),
    );
    const released = await h.core.foia.release(requestId, cutoff, ctx());
    expect(released.sha256).toBe(compiled.sha256);
    expect((await h.core.foia.released(requestId)).sha256).toBe(compiled.sha256);
  });
});
