import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * Each referral's consent as it stands, per worker (id, version, scopes), so the referral list
 * can say how many workers consent to what without reading every stream. The list answers only
 * the counts; worker ids stay here, as in the disclosure ledger. Referrals submitted before this
 * migration get theirs with `npm run cases -- rebuild partners` (their consent is in the store).
 */
export class ReferralConsent1770500000000 implements MigrationInterface {
  name = 'ReferralConsent1770500000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(
      `ALTER TABLE "${s}".referral_status ADD COLUMN consents jsonb NOT NULL DEFAULT '[]'::jsonb`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}".referral_status DROP COLUMN consents`);
  }
}
