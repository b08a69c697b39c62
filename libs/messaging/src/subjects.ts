import type { RecordedEvent } from '@lse/event-store';
import { categoryOf } from '@lse/event-store';

/** The JetStream stream that carries every case event between services (docs/architecture.md#messaging). */
export const CASE_EVENTS = 'CASE_EVENTS';
/** Poison messages land here, with the reason, for operators to inspect and replay. */
export const DEAD_LETTERS = 'DEAD_LETTERS';

export function eventSubject(event: Pick<RecordedEvent, 'streamId' | 'type'>): string {
  return `events.${categoryOf(event.streamId)}.${event.type}`;
}

export function categorySubject(category: string): string {
  return `events.${category}.>`;
}

export function deadLetterSubject(consumer: string): string {
  return `deadletter.${consumer}`;
}

/** Headers that travel with every relayed event and dead letter. */
export const HEADERS = {
  eventType: 'Lse-Event-Type',
  caseId: 'Lse-Case-Id',
  failureReason: 'Lse-Failure-Reason',
  originalSubject: 'Lse-Original-Subject',
  deliveries: 'Lse-Deliveries',
} as const;
