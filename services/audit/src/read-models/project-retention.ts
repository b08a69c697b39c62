import { closingRuleFor } from '@lse/audit-domain';
import { categoryOf } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import type { EntityManager } from 'typeorm';
import { RetentionRecordRow } from './retention-record.entity';

/**
 * The retention read model (`retention_records`): each closing, reopening or hand-on of a record
 * (CLOSING_RULES in @lse/audit-domain), keyed by record type and id. An event older than the row's
 * last (by global position) changes nothing, so a batch applied twice leaves the same rows.
 */
export async function projectRetention(em: EntityManager, event: RecordedEvent): Promise<void> {
  const category = categoryOf(event.streamId);
  const rule = closingRuleFor(category, event.type);
  if (!rule) return;
  const recordId = event.streamId.slice(category.length + 1);
  const caseId = rule.recordType === 'foia_request' ? null : (event.metadata.caseId ?? recordId);
  const closedOn =
    rule.action === 'close' && rule.dateOf ? rule.dateOf(event.data, event.metadata.occurredAt) : null;
  const table = em
    .getRepository(RetentionRecordRow)
    .metadata.tablePath.split('.')
    .map((p) => `"${p}"`)
    .join('.');
  // A closing sets the date, a reopening clears it, a hand-on only marks the row superseded; the
  // row is created by whichever comes first.
  const set =
    rule.action === 'supersede'
      ? 'superseded = true'
      : 'closed_on = EXCLUDED.closed_on, closed_by = EXCLUDED.closed_by';
  await em.query(
    `INSERT INTO ${table} (record_type, record_id, case_id, closed_on, closed_by, superseded, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (record_type, record_id) DO UPDATE SET ${set}, position = EXCLUDED.position
     WHERE ${table.split('.')[1]}.position < EXCLUDED.position`,
    [
      rule.recordType,
      recordId,
      caseId,
      closedOn,
      closedOn ? event.type : null,
      rule.action === 'supersede',
      String(event.globalPosition),
    ],
  );
}
