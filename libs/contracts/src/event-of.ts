import { COLLECTION_EVENTS, type CollectionEvent } from './collection';
import { COMPLAINT_EVENTS, type ComplaintEvent } from './complaint';
import type { EventMetadata, NewEvent } from './envelope';
import { UnknownEventTypeError } from './errors';
import { INVESTIGATION_EVENTS, type InvestigationEvent } from './investigation';
import {
  AGREEMENT_EVENTS,
  OUTREACH_EVENTS,
  PARTNER_EVENTS,
  REFERRAL_EVENTS,
  type AgreementEvent,
  type OutreachEvent,
  type PartnerEvent,
  type ReferralEvent,
} from './partner';
import { eventRegistry, type EventDefinition, type StoredData } from './registry';

/** What the parser needs of a stored event (a RecordedEvent of the store has it). */
export interface StoredEvent {
  type: string;
  schemaVersion: number;
  data: unknown;
}

/** A stored event as deciders and projections fold it. */
export interface TypedEvent {
  type: string;
  data: unknown;
}

/**
 * A stored event in its current shape. An older schema version is upcast and validated. One at
 * the current version is not parsed again: its contract's `create` validated it and stored the
 * parsed data (anything its schema trims or fills in already applied), so the stored JSON is the
 * parsed output, and the hash chain guards it since; a 5,000-row payroll would otherwise cost a full
 * validation on every command.
 */
function currentShape(definition: EventDefinition, stored: StoredEvent): StoredData {
  return stored.schemaVersion === definition.version
    ? definition.upcast(stored.schemaVersion, stored.data)
    : (definition.parse(stored.schemaVersion, stored.data) as StoredData);
}

/** Any category's stored event, typed by the caller (the registry knows every event type). */
export function eventOf<E extends TypedEvent = TypedEvent>(stored: StoredEvent): E {
  const definition = eventRegistry.require(stored.type);
  return { type: stored.type, data: currentShape(definition, stored) } as unknown as E;
}

/** A parser for one category's events: any other type is refused, as the stream cannot hold it. */
export function eventParser<E extends TypedEvent>(
  definitions: Readonly<Record<string, EventDefinition>>,
): (stored: StoredEvent) => E {
  return (stored) => {
    const definition = Object.hasOwn(definitions, stored.type) ? definitions[stored.type] : undefined;
    if (!definition) throw new UnknownEventTypeError(stored.type);
    return { type: stored.type, data: currentShape(definition, stored) } as unknown as E;
  };
}

export const complaintEventOf = eventParser<ComplaintEvent>(COMPLAINT_EVENTS);
export const investigationEventOf = eventParser<InvestigationEvent>(INVESTIGATION_EVENTS);
export const collectionEventOf = eventParser<CollectionEvent>(COLLECTION_EVENTS);
export const partnerEventOf = eventParser<PartnerEvent>(PARTNER_EVENTS);
export const agreementEventOf = eventParser<AgreementEvent>(AGREEMENT_EVENTS);
export const referralEventOf = eventParser<ReferralEvent>(REFERRAL_EVENTS);
export const outreachEventOf = eventParser<OutreachEvent>(OUTREACH_EVENTS);

/** Metadata as services hold it (the actor's role as a string): `create` validates it. */
export type MetadataInput = Omit<EventMetadata, 'actor'> & {
  actor: { id: string; role: string; org?: string };
};

/** A new event through its contract: data and metadata validated before anything is written. */
export function toNewEvent(event: TypedEvent, eventId: string, metadata: MetadataInput): NewEvent {
  return eventRegistry
    .require(event.type)
    .create({ eventId, data: event.data, metadata: metadata as EventMetadata });
}
