import { z } from 'zod';
import { personal, pub } from './classification';
import { ActorRoleSchema } from './roles';
import { instant, uuid } from './fields';

/*
 * The envelope of libs/event-store/src/port.ts (NewEvent, RecordedEvent, EventMetadata, Actor)
 * as zod schemas. contracts cannot import the event store (an infra lib), so the shapes are kept
 * in step by hand. Metadata is classified like event data: a FOIA package shows it too.
 */

export const ActorSchema = z.object({
  // Staff user ids are often e-mail addresses; staff names in law-enforcement records are (b)(7)(C).
  id: personal(z.string().min(1).max(200)),
  role: pub(ActorRoleSchema),
  org: pub(z.string().min(1).max(200)).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const EventMetadataSchema = z
  .object({
    caseId: pub(uuid()).optional(),
    actor: ActorSchema,
    correlationId: pub(z.string().min(1).max(200)),
    causationId: pub(z.string().min(1).max(200)).optional(),
    sourceService: pub(z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a service name')),
    occurredAt: pub(instant()),
  })
  // Extra keys are allowed by the port; unknown content (request ip, user agent...) is withheld.
  .catchall(personal(z.unknown()));
export type EventMetadata = z.infer<typeof EventMetadataSchema>;

/** "<category>-<id>": the category is lower case and the id may itself contain dashes (a UUID). */
export const StreamIdSchema = z.string().regex(/^[a-z][a-z_]*-.+$/, 'expected "<category>-<id>"');

export const EventTypeSchema = z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'expected a PascalCase event type');

export const NewEventSchema = z.object({
  eventId: uuid(),
  type: EventTypeSchema,
  schemaVersion: z.int().positive(),
  // Opaque here: each event type validates and classifies its own data (see the event registry).
  data: z.record(z.string(), z.unknown()),
  metadata: EventMetadataSchema,
});
export type NewEvent = z.infer<typeof NewEventSchema>;

const sha256Hex = () => z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest');

export const RecordedEventSchema = NewEventSchema.extend({
  streamId: StreamIdSchema,
  streamVersion: z.int().positive(),
  globalPosition: z.int().positive(),
  txId: z.string().regex(/^\d+$/, 'expected a transaction id as a decimal string'),
  recordedAt: instant(),
  hash: sha256Hex(),
  // The first event of a stream chains from ''.
  prevHash: z.union([z.literal(''), sha256Hex()]),
});
export type RecordedEvent = z.infer<typeof RecordedEventSchema>;

/** The category of a stream id: the part before the first '-'. */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}

export function streamIdOf(category: string, id: string): string {
  return `${category}-${id}`;
}
