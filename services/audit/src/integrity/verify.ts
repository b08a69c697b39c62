import { INTEGRITY_STREAM_ID, type IntegrityCheckpointRecorded } from '@lse/contracts';
import { firstHeadDifference, merkleRoot } from '@lse/audit-domain';
import { headsBelow, type PostgresEventStore, type VerifyProblem, type VerifyReport } from '@lse/event-store';
import type { DataSource } from 'typeorm';
import { latestCheckpoint, recordedHeads } from './checkpoints';

export type IntegrityProblem = VerifyProblem | 'checkpoint_mismatch';

export interface IntegrityReport {
  ok: boolean;
  scope: 'store' | 'case';
  caseId?: string;
  streamsChecked: number;
  eventsChecked: number;
  /** The checkpoint the heads were compared with (null: none taken yet). */
  checkpoint: { position: number; merkleRoot: string; takenAt: string } | null;
  firstBroken?: {
    streamId: string;
    streamVersion: number;
    globalPosition: number | null;
    problem: IntegrityProblem;
  };
}

/** The streams of a case: every `<category>-<caseId>` that has a head or events. */
async function caseStreams(store: PostgresEventStore, caseId: string): Promise<string[]> {
  const { rows } = await store.pool.query<{ stream_id: string }>(
    `SELECT stream_id FROM ${store.schema}.streams WHERE case_id = $1::uuid
     UNION SELECT DISTINCT stream_id FROM ${store.schema}.events WHERE case_id = $1::uuid ORDER BY 1`,
    [caseId],
  );
  return rows.map((r) => r.stream_id);
}

/**
 * Verifies the hash chains (every event's hash, versions without gaps, each stream against its
 * head) and then the latest integrity checkpoint: the heads of the streams it covered, recomputed
 * from the events now stored, must be the ones it recorded. The second part catches what a chain
 * cannot: events deleted at a stream's end together with a rewritten head.
 */
export async function verifyIntegrity(
  store: PostgresEventStore,
  dataSource: DataSource,
  caseId?: string,
): Promise<IntegrityReport> {
  let chain: VerifyReport;
  let streamIds: string[] | undefined;
  if (caseId) {
    streamIds = await caseStreams(store, caseId);
    chain = { ok: true, streamsChecked: 0, eventsChecked: 0 };
    for (const streamId of streamIds) {
      const one = await store.verifyStream(streamId);
      chain = {
        ok: chain.ok && one.ok,
        streamsChecked: chain.streamsChecked + one.streamsChecked,
        eventsChecked: chain.eventsChecked + one.eventsChecked,
        firstBroken: chain.firstBroken ?? one.firstBroken,
      };
      if (!one.ok) break;
    }
  } else {
    chain = await store.verifyAll();
  }
  const base = {
    scope: caseId ? ('case' as const) : ('store' as const),
    ...(caseId ? { caseId } : {}),
    streamsChecked: chain.streamsChecked,
    eventsChecked: chain.eventsChecked,
  };
  const event = await latestCheckpoint(store);
  const data = event?.data as IntegrityCheckpointRecorded | undefined;
  const checkpoint =
    event && data ? { position: data.position, merkleRoot: data.merkleRoot, takenAt: data.takenAt } : null;
  if (!chain.ok) return { ok: false, ...base, checkpoint, firstBroken: chain.firstBroken };
  if (!event || !data) return { ok: true, ...base, checkpoint };

  const recorded = await recordedHeads(dataSource, event);
  const broken = (streamId: string, streamVersion: number, problem: IntegrityProblem) => ({
    ok: false,
    ...base,
    checkpoint,
    firstBroken: { streamId, streamVersion, globalPosition: null, problem },
  });
  if (recorded === 'mismatch') return broken(INTEGRITY_STREAM_ID, event.streamVersion, 'checkpoint_mismatch');
  if (caseId && recorded === 'missing') return { ok: true, ...base, checkpoint }; // nothing to compare per stream
  // Streams of the case also named in the checkpoint (a stream deleted whole has no head now).
  const scope = caseId
    ? [
        ...new Set([
          ...(streamIds ?? []),
          ...(recorded as { streamId: string }[])
            .filter((h) => h.streamId.endsWith(caseId))
            .map((h) => h.streamId),
        ]),
      ]
    : undefined;
  const current = (await headsBelow(store.pool, store.schema, data.txBound, scope)).heads.filter(
    (h) => h.streamId !== INTEGRITY_STREAM_ID,
  );
  if (recorded === 'missing') {
    return merkleRoot(current) === data.merkleRoot
      ? { ok: true, ...base, checkpoint }
      : broken(INTEGRITY_STREAM_ID, event.streamVersion, 'checkpoint_mismatch');
  }
  const expected = scope ? recorded.filter((h) => scope.includes(h.streamId)) : recorded;
  const difference = firstHeadDifference(expected, current);
  if (difference) return broken(difference.streamId, difference.streamVersion, difference.problem);
  return { ok: true, ...base, checkpoint };
}
