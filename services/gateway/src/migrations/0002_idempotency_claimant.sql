-- Which gateway process holds an in-progress claim (`<host>:<port>`): a gateway restarted after a
-- crash frees its own claims at once instead of leaving retries 409 until they are abandoned
-- (60 s). Rows from before this migration have none and are only freed by age.
ALTER TABLE gateway_idempotency ADD COLUMN claimed_by text;
