import type { z } from 'zod';
import { EventMetadataSchema, NewEventSchema, type EventMetadata, type NewEvent } from './envelope';
import {
  EventDataInvalidError,
  formatPath,
  UnknownEventTypeError,
  UnsupportedSchemaVersionError,
  toFieldIssues,
} from './errors';
import { findUnsafeText } from './text-rule';

export type StoredData = Record<string, unknown>;
/** Turns data stored at version n into the shape of version n + 1. Pure: stored events are never rewritten. */
export type Upcaster = (data: StoredData) => StoredData;

export interface EventSpec<T extends string, S extends z.ZodType> {
  type: T;
  /** The stream category the event is appended to (`complaint` for `complaint-<caseId>`). */
  category: string;
  /** The current schema version, written with every new event. */
  version: number;
  /** The current version's schema. Its output type is the event's data type. */
  schema: S;
  /** `upcasters[n]` lifts version n to n + 1; one is required for each version below `version`. */
  upcasters?: Readonly<Record<number, Upcaster>>;
}

export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> extends Readonly<
  Required<EventSpec<T, S>>
> {
  /** Stored data of any readable version, in the current version's shape (not yet validated). */
  upcast(schemaVersion: number, data: unknown): StoredData;
  /** Upcasts, then validates against the current schema. */
  parse(schemaVersion: number, data: unknown): z.output<S>;
  /** A new event at the current version, with its data and metadata validated. */
  create(input: { eventId: string; data: z.input<S>; metadata: EventMetadata }): NewEvent & {
    type: T;
    data: z.output<S> & StoredData;
  };
}

/** Event types known to a process. Tests make throwaway ones; the app uses `eventRegistry`. */
export class EventRegistry {
  private readonly byType = new Map<string, EventDefinition>();

  define<T extends string, S extends z.ZodType>(spec: EventSpec<T, S>): EventDefinition<T, S> {
    const { type, category, version, schema, upcasters = {} } = spec;
    if (this.byType.has(type)) throw new Error(`event type ${type} is already defined`);
    if (!/^[A-Z][A-Za-z0-9]*$/.test(type)) throw new Error(`event type must be PascalCase: ${type}`);
    if (!/^[a-z][a-z_]*$/.test(category)) throw new Error(`stream category must be lower case: ${category}`);
    if (!Number.isInteger(version) || version < 1)
      throw new Error(`${type}: version must be a positive integer`);
    for (let from = 1; from < version; from++) {
      if (typeof upcasters[from] !== 'function')
        throw new Error(`${type}: no upcaster from version ${from} to ${from + 1}`);
    }
    const extra = Object.keys(upcasters).filter((key) => !(Number(key) >= 1 && Number(key) < version));
    if (extra.length)
      throw new Error(`${type}: upcasters for versions that are not below ${version}: ${extra.join(', ')}`);

    const definition: EventDefinition<T, S> = {
      type,
      category,
      version,
      schema,
      upcasters,
      upcast(schemaVersion, data) {
        if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > version) {
          throw new UnsupportedSchemaVersionError(type, schemaVersion, version);
        }
        if (typeof data !== 'object' || data === null || Array.isArray(data)) {
          throw new EventDataInvalidError(type, [{ path: '(root)', message: 'expected an object' }]);
        }
        let current = data as StoredData;
        for (let from = schemaVersion; from < version; from++) current = upcasters[from](current);
        return current;
      },
      parse(schemaVersion, data) {
        const result = schema.safeParse(definition.upcast(schemaVersion, data));
        if (!result.success) throw new EventDataInvalidError(type, toFieldIssues(result.error));
        return result.data;
      },
      create({ eventId, data, metadata }) {
        const parsed = definition.parse(version, data) as z.output<S> & StoredData;
        // The text rule (text-rule.ts) for every string of every event: the store never sees NUL
        // or a lone surrogate, whichever way the data came.
        const unsafe = findUnsafeText({ data: parsed, metadata });
        if (unsafe.length)
          throw new EventDataInvalidError(
            type,
            unsafe.map((u) => ({ path: formatPath(u.path), message: u.message })),
          );
        const envelope = NewEventSchema.parse({
          eventId,
          type,
          schemaVersion: version,
          data: parsed,
          metadata,
        });
        // Keep the validated data object itself (the envelope's copy is typed as opaque).
        return { ...envelope, type, data: parsed, metadata: EventMetadataSchema.parse(metadata) };
      },
    };
    this.byType.set(type, definition);
    return definition;
  }

  get(type: string): EventDefinition | undefined {
    return this.byType.get(type);
  }

  require(type: string): EventDefinition {
    const definition = this.byType.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    return definition;
  }

  list(): EventDefinition[] {
    return [...this.byType.values()];
  }

  upcast(type: string, schemaVersion: number, data: unknown): StoredData {
    return this.require(type).upcast(schemaVersion, data);
  }

  parse(type: string, schemaVersion: number, data: unknown): unknown {
    return this.require(type).parse(schemaVersion, data);
  }
}

/** Every event type of the product, registered by importing `@lse/contracts`. */
export const eventRegistry = new EventRegistry();

export function defineEvent<T extends string, S extends z.ZodType>(
  spec: EventSpec<T, S>,
): EventDefinition<T, S> {
  return eventRegistry.define(spec);
}

export function upcast(type: string, schemaVersion: number, data: unknown): StoredData {
  return eventRegistry.upcast(type, schemaVersion, data);
}

export function parseEventData(type: string, schemaVersion: number, data: unknown): unknown {
  return eventRegistry.parse(type, schemaVersion, data);
}
