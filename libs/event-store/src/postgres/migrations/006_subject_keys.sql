-- The keyring of crypto-shredding (libs/crypto-shred, docs/architecture.md#crypto-shredding): one
-- data key per data subject, wrapped by the master key. The keys live with the events they seal:
-- one keyring per event store, shared by every service that appends to it. Destroying a subject's
-- key nulls wrapped_key: every sealed value of that subject, stored or published, is then erased.

CREATE TABLE ${schema}.subject_keys (
  key_id       uuid PRIMARY KEY,
  -- `<kind>:<id>` (worker:<uuid>, complainant:<uuid>, case:<uuid>, stream:<stream id>).
  subject      text NOT NULL UNIQUE,
  wrapped_key  bytea,
  created_at   timestamptz NOT NULL DEFAULT now(),
  destroyed_at timestamptz,
  CONSTRAINT subject_keys_destroyed CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);
