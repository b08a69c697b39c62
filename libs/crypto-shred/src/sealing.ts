import type { PostgresEventStore } from '@lse/event-store';
import { masterKeyFromEnvironment, type KeyWrapping } from './master-key';
import { SealedEventStore } from './sealed-event-store';
import { SubjectKeys } from './subject-keys';

export interface SealingOptions {
  /** The master key; by default `LSE_MASTER_KEY_FILE` (`masterKeyFromEnvironment`). */
  wrapping?: KeyWrapping;
  /** See `SubjectKeysOptions.ttlMs`; `LSE_KEY_CACHE_TTL_MS` by default, else 30 s. */
  ttlMs?: number;
}

/**
 * A service's store as it uses it: the raw PostgreSQL store sealed with the keyring of the same
 * schema (its pool, no pool of its own). The raw store stays for the relay and verification.
 */
export function sealedStore(raw: PostgresEventStore, options: SealingOptions = {}): SealedEventStore {
  const ttlFromEnv = Number(process.env.LSE_KEY_CACHE_TTL_MS);
  const keys = new SubjectKeys({
    pool: raw.pool,
    schema: raw.schema,
    wrapping: options.wrapping ?? masterKeyFromEnvironment(),
    ttlMs: options.ttlMs ?? (Number.isFinite(ttlFromEnv) && ttlFromEnv >= 0 ? ttlFromEnv : undefined),
  });
  return new SealedEventStore(raw, keys);
}
