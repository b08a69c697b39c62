import type { PartnerEvent, PartnerRegistered } from '@lse/contracts';
import { given, isoDate, replay } from '@lse/domain';
import { PARTNER_A, TODAY } from '../../test/fixtures';
import { needsPointPeople, partnerDecider as decider } from './partner';
import { outreachDecider } from '../outreach/outreach';

const registration: PartnerRegistered = {
  name: 'Mission Worker Center',
  type: 'worker_center',
  languages: ['es', 'yue'],
  industries: ['car_washes', 'restaurants'],
  region: 'San Francisco',
  office: 'SF-01',
  registeredAt: TODAY,
};
const contact = (n: number) => ({
  contactId: `d${n}000000-0000-4000-8000-00000000000${n}`,
  name: `Point Person ${n}`,
});
const registered: PartnerEvent = { type: 'PartnerRegistered', data: registration };
const added1: PartnerEvent = { type: 'ContactAdded', data: { contact: contact(1) } };

describe('partner decider', () => {
  it('registers with its first point people, once', () => {
    given(decider)
      .when({ type: 'RegisterPartner', partnerId: PARTNER_A, registration, contacts: [contact(1)] })
      .then([registered, added1]);
    given(decider, [registered])
      .when({ type: 'RegisterPartner', partnerId: PARTNER_A, registration, contacts: [] })
      .thenThrows('conflict');
  });

  it('flags fewer than two point people, and follows additions and removals', () => {
    const added2: PartnerEvent = { type: 'ContactAdded', data: { contact: contact(2) } };
    const removed: PartnerEvent = { type: 'ContactRemoved', data: { contactId: contact(1).contactId } };
    const contactsAfter = (events: PartnerEvent[]) => {
      const s = replay(decider, events);
      return s.status === 'none' ? [] : s.contacts;
    };
    expect(needsPointPeople(contactsAfter([registered, added1]))).toBe(true);
    expect(needsPointPeople(contactsAfter([registered, added1, added2]))).toBe(false);
    expect(needsPointPeople(contactsAfter([registered, added1, added2, removed]))).toBe(true);
    given(decider, [registered, added1])
      .when({ type: 'AddContact', partnerId: PARTNER_A, contact: contact(1) })
      .thenThrows('conflict');
    given(decider, [registered])
      .when({ type: 'RemoveContact', partnerId: PARTNER_A, contactId: contact(1).contactId })
      .thenThrows('not_found');
  });

  it('a deactivated partner logs no meetings and gets no new contacts', () => {
    const deactivated: PartnerEvent = {
      type: 'PartnerDeactivated',
      data: { reason: 'Merged.', deactivatedOn: TODAY },
    };
    const meeting = {
      meetingId: 'f1000000-0000-4000-8000-000000000001',
      heldOn: TODAY,
      kind: 'relationship' as const,
      agencyAttendees: 2,
      partnerAttendees: 3,
      topics: ['Labor Rights Week'],
    };
    given(decider, [registered])
      .when({ type: 'LogMeeting', partnerId: PARTNER_A, meeting })
      .then([{ type: 'PartnerMeetingLogged', data: meeting }]);
    given(decider, [registered, deactivated])
      .when({ type: 'LogMeeting', partnerId: PARTNER_A, meeting })
      .thenThrows('invalid_transition');
    given(decider, [registered, deactivated])
      .when({ type: 'AddContact', partnerId: PARTNER_A, contact: contact(3) })
      .thenThrows('invalid_transition');
    given(decider, [registered, deactivated])
      .when({ type: 'DeactivatePartner', partnerId: PARTNER_A, reason: 'again', deactivatedOn: TODAY })
      .thenThrows('invalid_transition');
  });
});

describe('outreach decider', () => {
  const event = {
    kind: 'labor_rights_week' as const,
    title: 'Labor Rights Week at the consulate',
    heldOn: isoDate('2026-03-01'),
    office: 'SF-01',
    partnerIds: [PARTNER_A],
    attendance: 140,
    languages: ['es', 'mixteco'.slice(0, 3)],
    industries: ['restaurants'],
  };
  it('records an event held, once, never in the future', () => {
    const id = 'b1000000-0000-4000-8000-000000000001';
    given(outreachDecider)
      .when({ type: 'HoldOutreach', outreachId: id, event, today: TODAY })
      .then([{ type: 'OutreachEventHeld', data: event }]);
    given(outreachDecider, [{ type: 'OutreachEventHeld', data: event }])
      .when({ type: 'HoldOutreach', outreachId: id, event, today: TODAY })
      .thenThrows('conflict');
    given(outreachDecider)
      .when({
        type: 'HoldOutreach',
        outreachId: id,
        event: { ...event, heldOn: isoDate('2026-03-11') },
        today: TODAY,
      })
      .thenThrows('validation');
  });
});
