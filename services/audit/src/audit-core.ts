import { PostgresEventStore } from '@lse/event-store';
import { SealedEventStore, sealedStore } from '@lse/crypto-shred';
import { FilesystemEvidenceStore, type Metrics } from '@lse/service-kit';
import { AUDIT_CATEGORIES } from '@lse/contracts';
import type { DataSource } from 'typeorm';
import { FoiaDesk } from './foia/foia-desk';
import { ReleasedCopies } from './foia/released-copies';
import { createAuditDataSource } from './read-models/data-source';
import { ErasingDisposer, RecordingDisposer, type Disposer } from './records/disposer';
import { CaseLocks } from './records/case-locks';
import { ErasureDesk } from './records/erasure';
import { LegalHoldDesk } from './records/legal-holds';
import { RetentionReview } from './records/retention-review';

/**
 * What the audit service and the `npm run cases` CLI share: the event store (appending only to
 * audit's categories), audit's read models, the FOIA desk and records management.
 */
export interface AuditCore {
  /** The raw store: the relay, integrity checkpoints and verification (the sealed form is what is hashed). */
  store: PostgresEventStore;
  /** Reads and appends of event data: FOIA, replay, the timeline, record access (docs/architecture.md#crypto-shredding). */
  sealed: SealedEventStore;
  dataSource: DataSource;
  foia: FoiaDesk;
  /** Legal holds on cases (records management). */
  holds: LegalHoldDesk;
  /** Erasing a person: the key destroyed, recorded (docs/architecture.md#erasing-a-person). */
  erasures: ErasureDesk;
  /** The retention review and its reports. */
  retention: RetentionReview;
  close(): Promise<void>;
}

export async function openAuditCore(options: {
  connectionString: string;
  eventStoreSchema: string;
  auditSchema: string;
  poolMax?: number;
  /** The service's metrics; the CLI has none. */
  metrics?: Metrics;
  /**
   * The evidence store's root (EVIDENCE_DIR, `var/evidence` by default, as investigation's):
   * FOIA packages include evidence files' redacted text from it.
   */
  evidenceDir?: string;
  /**
   * What the retention review does with a record due; by default it records the disposition as
   * due and erases the case's personal data (`ErasingDisposer`).
   */
  disposer?: Disposer;
  /** A record whose disposition failed in a review (the service logs it). */
  onRetentionError?(error: unknown, record: { recordType: string; recordId: string }): void;
}): Promise<AuditCore> {
  const store = new PostgresEventStore({
    connectionString: options.connectionString,
    schema: options.eventStoreSchema,
    service: 'audit',
    categories: AUDIT_CATEGORIES,
  });
  const dataSource = createAuditDataSource({
    connectionString: options.connectionString,
    schema: options.auditSchema,
    poolMax: options.poolMax,
  });
  try {
    await dataSource.initialize();
  } catch (err) {
    await store.close();
    throw err;
  }
  const sealed = sealedStore(store);
  // Holds and erasures of the same case one at a time (records/case-locks.ts).
  const locks = new CaseLocks(options.connectionString);
  const holds = new LegalHoldDesk(sealed, locks, options.metrics);
  // Released FOIA packages as released, sealed under their cases' keys; an erasure drops them.
  const copies = new ReleasedCopies(dataSource, sealed.keys);
  const erasures = new ErasureDesk(sealed, holds.commands, locks, copies);
  return {
    store,
    sealed,
    dataSource,
    foia: new FoiaDesk(
      sealed,
      options.metrics,
      new FilesystemEvidenceStore(options.evidenceDir ?? 'var/evidence', sealed.keys),
      copies,
    ),
    holds,
    erasures,
    retention: new RetentionReview({
      store: sealed,
      dataSource,
      commands: holds.commands,
      disposer: options.disposer ?? new ErasingDisposer(new RecordingDisposer(holds.commands), erasures),
      onError: (error, record) => options.onRetentionError?.(error, record),
    }),
    async close() {
      await locks.close();
      await store.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
