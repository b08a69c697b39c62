import type { Contact, PartnerEvent, PartnerMeetingLogged, PartnerRegistered } from '@lse/contracts';
import type { Decider, IsoDate } from '@lse/domain';
import { AlreadyExistsError, NotAllowedNowError, NotRegisteredError, UnknownMemberError } from '../errors';

export type PartnerCommand =
  | { type: 'RegisterPartner'; partnerId: string; registration: PartnerRegistered; contacts: Contact[] }
  | { type: 'AddContact'; partnerId: string; contact: Contact }
  | { type: 'RemoveContact'; partnerId: string; contactId: string; reason?: string }
  | { type: 'DeactivatePartner'; partnerId: string; reason: string; deactivatedOn: IsoDate }
  | { type: 'LogMeeting'; partnerId: string; meeting: PartnerMeetingLogged };

export type PartnerState =
  | { status: 'none' }
  | { status: 'active' | 'deactivated'; partner: PartnerRegistered; contacts: Contact[]; meetings: number };

/** The agency wants more than one point person on each side, for continuity. */
export const MIN_POINT_PEOPLE = 2;
export const needsPointPeople = (contacts: readonly unknown[]) => contacts.length < MIN_POINT_PEOPLE;

function registered(state: PartnerState, partnerId: string) {
  if (state.status === 'none') throw new NotRegisteredError('partner', partnerId);
  return state;
}

function active(state: PartnerState, partnerId: string) {
  const s = registered(state, partnerId);
  if (s.status !== 'active')
    throw new NotAllowedNowError('The partner is deactivated.', 'partner_deactivated');
  return s;
}

export const partnerDecider: Decider<PartnerCommand, PartnerEvent, PartnerState> = {
  initialState: { status: 'none' },
  decide(command, state): PartnerEvent[] {
    switch (command.type) {
      case 'RegisterPartner':
        if (state.status !== 'none') throw new AlreadyExistsError('partner', command.partnerId);
        return [
          { type: 'PartnerRegistered', data: command.registration },
          ...command.contacts.map((contact) => ({ type: 'ContactAdded' as const, data: { contact } })),
        ];
      case 'AddContact': {
        const s = active(state, command.partnerId);
        if (s.contacts.some((c) => c.contactId === command.contact.contactId))
          throw new AlreadyExistsError('contact', command.contact.contactId);
        return [{ type: 'ContactAdded', data: { contact: command.contact } }];
      }
      case 'RemoveContact': {
        const s = registered(state, command.partnerId);
        if (!s.contacts.some((c) => c.contactId === command.contactId))
          throw new UnknownMemberError('contact', command.contactId);
        const data = command.reason
          ? { contactId: command.contactId, reason: command.reason }
          : { contactId: command.contactId };
        return [{ type: 'ContactRemoved', data }];
      }
      case 'DeactivatePartner':
        active(state, command.partnerId);
        return [
          {
            type: 'PartnerDeactivated',
            data: { reason: command.reason, deactivatedOn: command.deactivatedOn },
          },
        ];
      case 'LogMeeting':
        active(state, command.partnerId);
        return [{ type: 'PartnerMeetingLogged', data: command.meeting }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'PartnerRegistered':
        return { status: 'active', partner: event.data, contacts: [], meetings: 0 };
      case 'ContactAdded':
        return state.status === 'none'
          ? state
          : { ...state, contacts: [...state.contacts, event.data.contact] };
      case 'ContactRemoved':
        return state.status === 'none'
          ? state
          : { ...state, contacts: state.contacts.filter((c) => c.contactId !== event.data.contactId) };
      case 'PartnerDeactivated':
        return state.status === 'none' ? state : { ...state, status: 'deactivated' };
      case 'PartnerMeetingLogged':
        return state.status === 'none' ? state : { ...state, meetings: state.meetings + 1 };
    }
  },
};
