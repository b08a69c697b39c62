-- Appends take the events as one jsonb array and chain each event's content digest (sha256 of its
-- canonical body, computed by the client) instead of re-hashing the whole body in SQL: the data
-- crosses the wire once and the chain covers exactly the same content.
-- p_events: [{"id", "type", "schemaVersion", "data", "metadata", "digest"}, ...]
DROP FUNCTION ${schema}.append_events(text, text, bigint, uuid, timestamptz, uuid[], text[], integer[], jsonb[], jsonb[], text[]);

CREATE FUNCTION ${schema}.append_events(
  p_stream_id text, p_category text, p_expected bigint, p_case_id uuid, p_recorded_at timestamptz, p_events jsonb
) RETURNS TABLE (out_position bigint, out_version bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_version bigint;
  v_hash    text;
  v_prev    text[] := '{}';
  v_hashes  text[] := '{}';
  n         integer := jsonb_array_length(p_events);
BEGIN
  -- Per-stream lock before anything is written: the transaction id is assigned only after the
  -- stream's previous appender committed, so transaction order equals version order.
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
    v_hash := encode(sha256(convert_to(v_hash || '|' || (v_version + i)::text || '|' || (p_events -> (i - 1) ->> 'digest'), 'UTF8')), 'hex');
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
    SELECT (x.e ->> 'id')::uuid, p_stream_id, p_category, v_version + x.ord, x.e ->> 'type',
           (x.e ->> 'schemaVersion')::integer, x.e -> 'data', x.e -> 'metadata', p_case_id, p_recorded_at,
           v_prev[x.ord], v_hashes[x.ord]
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, ord)
    RETURNING global_position, stream_version;
END $$;
