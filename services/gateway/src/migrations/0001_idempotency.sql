-- Responses of POST requests that carried an Idempotency-Key, kept 24 hours so a retry gets the
-- first answer instead of a second command. A key is scoped to the token subject that sent it.
CREATE TABLE gateway_idempotency (
  subject      text        NOT NULL,
  key          text        NOT NULL,
  method       text        NOT NULL,
  path         text        NOT NULL,
  request_hash text        NOT NULL,
  state        text        NOT NULL CHECK (state IN ('in_progress', 'completed')),
  status       integer,
  headers      jsonb,
  body         jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (subject, key)
);

-- The hourly clean-up deletes by age.
CREATE INDEX gateway_idempotency_created_at ON gateway_idempotency (created_at);
