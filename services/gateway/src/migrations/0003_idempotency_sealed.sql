-- Stored responses are sealed (docs/erasure.md#the-gateways-stored-responses): a body may hold
-- personal data, so it is kept only as AES-256-GCM under a key of its day, and the day's key is
-- deleted two days later. `body` (jsonb in clear) is no longer written: rows that hold one are
-- deleted (a retry then reaches the service again, which recognises it by the event ids derived
-- from its Idempotency-Key, command-ids.ts) and the CHECK keeps it empty, so a gateway still on
-- the previous version fails to store its response (it logs so and answers anyway) rather than
-- store it in clear.
CREATE TABLE gateway_response_keys (
  day         date        PRIMARY KEY,
  key_id      uuid        NOT NULL UNIQUE,
  -- The day's 256-bit key, wrapped by the master key (KeyWrapping of libs/crypto-shred).
  wrapped_key bytea       NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

DELETE FROM gateway_idempotency WHERE body IS NOT NULL;
ALTER TABLE gateway_idempotency
  ADD CONSTRAINT gateway_idempotency_body_sealed CHECK (body IS NULL),
  ADD COLUMN body_key uuid,
  ADD COLUMN sealed_body bytea,
  -- The ids in the request's path and in its Location (cases, complaints...): the erase command
  -- drops the stored responses of the cases it erases at once (IdempotencyStore.forgetResources).
  ADD COLUMN resource_ids uuid[];

CREATE INDEX gateway_idempotency_resource_ids ON gateway_idempotency USING gin (resource_ids);
