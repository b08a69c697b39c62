-- The event store: one table of immutable events and one row per stream holding its head.
-- ${schema} is replaced by the migration runner with the store's schema.

CREATE TABLE ${schema}.streams (
  stream_id  text PRIMARY KEY,
  category   text NOT NULL,
  version    bigint NOT NULL,
  -- Hash of the stream's last event: a truncated tail no longer matches it.
  last_hash  text NOT NULL,
  case_id    uuid
);

CREATE TABLE ${schema}.events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id        uuid NOT NULL,
  stream_id       text NOT NULL,
  category        text NOT NULL,
  stream_version  bigint NOT NULL,
  type            text NOT NULL,
  schema_version  integer NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  case_id         uuid,
  -- The appending transaction: subscribers read only below the oldest one still in flight.
  tx_id           xid8 NOT NULL DEFAULT pg_current_xact_id(),
  recorded_at     timestamptz NOT NULL,
  prev_hash       text NOT NULL,
  hash            text NOT NULL,
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
  CONSTRAINT events_version_positive CHECK (stream_version > 0)
);

CREATE INDEX events_case_idx ON ${schema}.events (case_id, global_position) WHERE case_id IS NOT NULL;
CREATE INDEX events_tx_idx ON ${schema}.events (tx_id, global_position);

-- Events are immutable: an ordinary session can neither change nor delete one.
CREATE FUNCTION ${schema}.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are immutable: % refused', TG_OP USING ERRCODE = 'LS403';
END $$;

CREATE TRIGGER events_immutable BEFORE UPDATE OR DELETE ON ${schema}.events
  FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse_event_change();

-- One round trip per append. A per-stream advisory lock is taken before anything is written,
-- so the transaction id is assigned only after the previous appender to the stream has
-- committed: within a stream, transaction order equals version order (subscribers rely on it).
-- p_expected: -2 any, -1 no stream, n >= 0 exactly n events so far.
CREATE FUNCTION ${schema}.append_events(
  p_stream_id text, p_category text, p_expected bigint, p_case_id uuid, p_recorded_at timestamptz,
  p_event_ids uuid[], p_types text[], p_schema_versions integer[], p_data jsonb[], p_metadata jsonb[],
  p_bodies text[]
) RETURNS TABLE (out_position bigint, out_version bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_version bigint;
  v_hash    text;
  v_prev    text[] := '{}';
  v_hashes  text[] := '{}';
  n         integer := cardinality(p_event_ids);
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
  SELECT s.version, s.last_hash INTO v_version, v_hash FROM ${schema}.streams s WHERE s.stream_id = p_stream_id;
  IF NOT FOUND THEN
    v_version := 0;
    v_hash := '';
  END IF;
  IF (p_expected = -1 AND v_version <> 0) OR (p_expected >= 0 AND v_version <> p_expected) THEN
    RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'LS409', DETAIL = v_version::text;
  END IF;
  FOR i IN 1..n LOOP
    v_prev[i] := v_hash;
    v_hash := encode(sha256(convert_to(v_hash || '|' || (v_version + i)::text || '|' || p_bodies[i], 'UTF8')), 'hex');
    v_hashes[i] := v_hash;
  END LOOP;
  IF v_version = 0 THEN
    INSERT INTO ${schema}.streams (stream_id, category, version, last_hash, case_id)
      VALUES (p_stream_id, p_category, n, v_hash, p_case_id);
  ELSE
    UPDATE ${schema}.streams SET version = v_version + n, last_hash = v_hash WHERE stream_id = p_stream_id;
  END IF;
  RETURN QUERY
    INSERT INTO ${schema}.events (event_id, stream_id, category, stream_version, type, schema_version,
                                  data, metadata, case_id, recorded_at, prev_hash, hash)
    SELECT u.id, p_stream_id, p_category, v_version + u.ord, u.t, u.sv, u.d, u.m, p_case_id, p_recorded_at, u.ph, u.h
    FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata, v_prev, v_hashes)
         WITH ORDINALITY AS u(id, t, sv, d, m, ph, h, ord)
    RETURNING global_position, stream_version;
END $$;
