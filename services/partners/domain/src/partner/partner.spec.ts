import type { PartnerEvent } from '@lse/contracts';
import { given, isoDate, replay } from '@lse/domain';
import { event, PARTNER_A, TODAY } from '../../test/fixtures';
import { needsPointPeople, partnerDecider as decider } from './partner';
import { outreachDecider } from '../outreach/outreach';

const registered = event('PartnerRegistered', {
  name: 'Mission Worker Center',
  type: 'worker_center',
  languages: ['es', 'yue'],
  industries: ['car_washes', 'restaurants'],
  region: 'San Francisco',
  office: 'SF-01',
  registeredAt: TODAY,
});
const registration = registered.data;
const contact = (n: number) => ({
  contactId: `d${n}000000-0000-4000-8000-00000000000${n}`,
  name: `Point Person ${n}`,
});
const added1 = event('ContactAdded', { contact: contact(1) });
const added2 = event('ContactAdded', { contact: contact(2) });
const removed1 = event('ContactRemoved', { contactId: contact(1).contactId });
const deactivated = event('PartnerDeactivated', { reason: 'Merged.', deactivatedOn: TODAY });

describe('partner decider', () => {
  it('registers with its first point people', () =>
    given(decider)
      .when({ type: 'RegisterPartner', partnerId: PARTNER_A, registration, contacts: [contact(1)] })
      .then([registered, added1]));

  it('registers once', () =>
    given(decider, [registered])
      .when({ type: 'RegisterPartner', partnerId: PARTNER_A, registration, contacts: [] })
      .thenThrows('already_exists'));

  describe('point people', () => {
    const contactsAfter = (events: PartnerEvent[]) => {
      const s = replay(decider, events);
      return s.status === 'none' ? [] : s.contacts;
    };
    it('flags fewer than two point people', () =>
      expect(needsPointPeople(contactsAfter([registered, added1]))).toBe(true));
    it('is satisfied with two', () =>
      expect(needsPointPeople(contactsAfter([registered, added1, added2]))).toBe(false));
    it('flags again when one is removed', () =>
      expect(needsPointPeople(contactsAfter([registered, added1, added2, removed1]))).toBe(true));
    it('refuses adding the same contact twice', () =>
      given(decider, [registered, added1])
        .when({ type: 'AddContact', partnerId: PARTNER_A, contact: contact(1) })
        .thenThrows('already_exists'));
    it('refuses removing a contact the partner does not have', () =>
      given(decider, [registered])
        .when({ type: 'RemoveContact', partnerId: PARTNER_A, contactId: contact(1).contactId })
        .thenThrows('contact_not_found'));
    it('refuses a contact for a partner never registered', () =>
      given(decider)
        .when({ type: 'AddContact', partnerId: PARTNER_A, contact: contact(1) })
        .thenThrows('partner_not_found'));
  });

  describe('a deactivated partner', () => {
    const meeting = {
      meetingId: 'f1000000-0000-4000-8000-000000000001',
      heldOn: TODAY,
      kind: 'relationship' as const,
      agencyAttendees: 2,
      partnerAttendees: 3,
      topics: ['Labor Rights Week'],
    };
    it('an active partner logs a meeting', () =>
      given(decider, [registered])
        .when({ type: 'LogMeeting', partnerId: PARTNER_A, meeting })
        .then([event('PartnerMeetingLogged', meeting)]));
    it('logs no meetings', () =>
      given(decider, [registered, deactivated])
        .when({ type: 'LogMeeting', partnerId: PARTNER_A, meeting })
        .thenThrows('partner_deactivated'));
    it('gets no new contacts', () =>
      given(decider, [registered, deactivated])
        .when({ type: 'AddContact', partnerId: PARTNER_A, contact: contact(3) })
        .thenThrows('partner_deactivated'));
    it('is not deactivated again', () =>
      given(decider, [registered, deactivated])
        .when({ type: 'DeactivatePartner', partnerId: PARTNER_A, reason: 'again', deactivatedOn: TODAY })
        .thenThrows('partner_deactivated'));
  });
});

describe('outreach decider', () => {
  const id = 'b1000000-0000-4000-8000-000000000001';
  const held = event('OutreachEventHeld', {
    kind: 'labor_rights_week',
    title: 'Labor Rights Week at the consulate',
    heldOn: '2026-03-01',
    office: 'SF-01',
    partnerIds: [PARTNER_A],
    attendance: 140,
    languages: ['es', 'mixteco'.slice(0, 3)],
    industries: ['restaurants'],
  });
  const hold = (heldOn = held.data.heldOn) =>
    ({ type: 'HoldOutreach', outreachId: id, event: { ...held.data, heldOn }, today: TODAY }) as const;

  it('records an event held', () => given(outreachDecider).when(hold()).then([held]));
  it('records it once', () => given(outreachDecider, [held]).when(hold()).thenThrows('already_exists'));
  it('refuses an event in the future', () =>
    given(outreachDecider)
      .when(hold(isoDate('2026-03-11')))
      .thenThrows('held_in_future'));
});
