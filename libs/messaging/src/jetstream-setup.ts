import { jetstreamManager, JetStreamManager, RetentionPolicy, StorageType, StreamConfig } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/nats-core';
import { CASE_EVENTS, DEAD_LETTERS } from './subjects';

export interface StreamSettings {
  /** Server-side de-duplication by Nats-Msg-Id; consumers are idempotent beyond it. */
  duplicateWindowMs?: number;
  replicas?: number;
}

/**
 * Creates or updates the streams idempotently at start-up: several services starting at once
 * converge on the same configuration.
 */
export async function ensureStreams(nc: NatsConnection, settings: StreamSettings = {}): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  const common: Partial<StreamConfig> = {
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    num_replicas: settings.replicas ?? 1,
    duplicate_window: nanos(settings.duplicateWindowMs ?? 10 * 60_000),
  };
  await upsert(jsm, { ...common, name: CASE_EVENTS, subjects: ['events.>'] });
  await upsert(jsm, { ...common, name: DEAD_LETTERS, subjects: ['deadletter.>'] });
  return jsm;
}

async function upsert(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  try {
    await jsm.streams.add(config);
  } catch (err) {
    // Exists already (possibly with older settings): bring it to the declared configuration.
    if (!/already in use|already exists/i.test((err as Error).message)) throw err;
    await jsm.streams.update(config.name, config);
  }
}
