-- Where each relay stands in the event store (checkpoint = transaction id and position).
CREATE TABLE ${schema}.relay_checkpoints (
  relay_name text PRIMARY KEY,
  tx_id      xid8 NOT NULL,
  position   bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
