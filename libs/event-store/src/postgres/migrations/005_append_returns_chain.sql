-- The append functions also return what a relay publishes besides the appended content: each
-- event's transaction id and hashes, and where the stream's event before the append stands
-- (its transaction id and global position; NULL for a new stream). The relay then publishes a
-- process's own appends as soon as they commit without reading them back (one statement fewer
-- between a commit and its publication). Decisions, locks, hashes and rows are as in 004; old
-- callers that select only positions and versions keep working.

DROP FUNCTION ${schema}.append_batch(json);
DROP FUNCTION ${schema}.append_events(text, text, bigint, uuid, timestamptz, json);

-- p_events: [{"id", "type", "schemaVersion", "data", "metadata"}, ...] as json, so that data and
-- metadata are stored (and hashed) as sent.
CREATE FUNCTION ${schema}.append_events(
  p_stream_id text, p_category text, p_expected bigint, p_case_id uuid, p_recorded_at timestamptz, p_events json
) RETURNS TABLE (out_position bigint, out_version bigint, out_tx_id text, out_prev_hash text, out_hash text,
               out_before_tx_id text, out_before_position bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_version bigint;
  v_hash    text;
  n         integer := 0;
  v_ids     uuid[] := '{}';
  v_types   text[] := '{}';
  v_schemas integer[] := '{}';
  v_data    json[] := '{}';
  v_meta    json[] := '{}';
  v_prev    text[] := '{}';
  v_hashes  text[] := '{}';
  r         record;
  v_before_tx  text;
  v_before_pos bigint;
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
  IF v_version > 0 THEN
    SELECT e.tx_id::text, e.global_position INTO v_before_tx, v_before_pos
      FROM ${schema}.events e WHERE e.stream_id = p_stream_id AND e.stream_version = v_version;
  END IF;
  -- json_to_recordset parses each event once and hands data and metadata over as their own text.
  FOR r IN SELECT * FROM json_to_recordset(p_events)
             AS x(id uuid, type text, "schemaVersion" integer, data json, metadata json) LOOP
    n := n + 1;
    v_prev[n] := v_hash;
    v_hash := ${schema}.event_hash(v_hash, v_version + n, r.id, p_case_id, p_recorded_at, r."schemaVersion",
                                   p_stream_id, p_category, r.type, r.data, r.metadata);
    v_hashes[n] := v_hash;
    v_ids[n] := r.id;
    v_types[n] := r.type;
    v_schemas[n] := r."schemaVersion";
    v_data[n] := r.data;
    v_meta[n] := r.metadata;
  END LOOP;
  IF v_version = 0 THEN
    INSERT INTO ${schema}.streams (stream_id, category, version, last_hash, case_id)
      VALUES (p_stream_id, p_category, n, v_hash, p_case_id);
  ELSE
    UPDATE ${schema}.streams SET version = v_version + n, last_hash = v_hash WHERE stream_id = p_stream_id;
  END IF;
  RETURN QUERY
    INSERT INTO ${schema}.events (event_id, stream_id, category, stream_version, type, schema_version,
                                  data, metadata, case_id, recorded_at, prev_hash, hash, hash_scheme)
    SELECT u.id, p_stream_id, p_category, v_version + u.ord, u.type, u.sv, u.data, u.meta, p_case_id,
           p_recorded_at, u.prev, u.hash, 2
    FROM unnest(v_ids, v_types, v_schemas, v_data, v_meta, v_prev, v_hashes)
           WITH ORDINALITY AS u(id, type, sv, data, meta, prev, hash, ord)
    RETURNING global_position, stream_version, tx_id::text, prev_hash, hash, v_before_tx, v_before_pos;
END $$;

-- Group commit, as in 003, over json: p_appends: [{"streamId", "category", "expected", "caseId",
-- "recordedAt", "events": [...]}, ...]. Each append is decided on its own exactly as
-- append_events decides it; a refused one is reported in its row and writes nothing.
CREATE FUNCTION ${schema}.append_batch(p_appends json)
RETURNS TABLE (b_index integer, b_position bigint, b_version bigint, b_error text, b_actual bigint,
               b_tx_id text, b_prev_hash text, b_hash text, b_before_tx_id text, b_before_position bigint)
LANGUAGE plpgsql AS $$
DECLARE
  a         record;
  v_version bigint;
BEGIN
  -- Every stream's lock before anything is written, always in the same order, so that two
  -- batches never wait for each other in a cycle and the transaction id is assigned only after
  -- each stream's previous appender committed (transaction order equals version order).
  PERFORM pg_advisory_xact_lock(s.k)
     FROM (SELECT DISTINCT hashtextextended(x."streamId", 0) AS k
             FROM json_to_recordset(p_appends) AS x("streamId" text) ORDER BY 1) AS s;
  FOR a IN SELECT x.*
             FROM ROWS FROM (json_to_recordset(p_appends) AS ("streamId" text, category text, expected bigint,
                             "caseId" uuid, "recordedAt" timestamptz, events json))
                  WITH ORDINALITY AS x("streamId", category, expected, "caseId", "recordedAt", events, ord) LOOP
    SELECT st.version INTO v_version FROM ${schema}.streams st WHERE st.stream_id = a."streamId";
    IF NOT FOUND THEN
      v_version := 0;
    END IF;
    IF (a.expected = -1 AND v_version <> 0) OR (a.expected >= 0 AND v_version <> a.expected) THEN
      b_index := a.ord - 1; b_position := NULL; b_version := NULL; b_error := 'LS409'; b_actual := v_version;
      b_tx_id := NULL; b_prev_hash := NULL; b_hash := NULL; b_before_tx_id := NULL; b_before_position := NULL;
      RETURN NEXT;
      CONTINUE;
    END IF;
    IF EXISTS (SELECT 1 FROM ${schema}.events e
                WHERE e.event_id IN (SELECT x.id FROM json_to_recordset(a.events) AS x(id uuid))) THEN
      b_index := a.ord - 1; b_position := NULL; b_version := NULL; b_error := 'duplicate'; b_actual := v_version;
      b_tx_id := NULL; b_prev_hash := NULL; b_hash := NULL; b_before_tx_id := NULL; b_before_position := NULL;
      RETURN NEXT;
      CONTINUE;
    END IF;
    RETURN QUERY
      SELECT (a.ord - 1)::integer, r.out_position, r.out_version, NULL::text, NULL::bigint,
             r.out_tx_id, r.out_prev_hash, r.out_hash, r.out_before_tx_id, r.out_before_position
        FROM ${schema}.append_events(a."streamId", a.category, a.expected, a."caseId", a."recordedAt", a.events) AS r;
  END LOOP;
END $$;
