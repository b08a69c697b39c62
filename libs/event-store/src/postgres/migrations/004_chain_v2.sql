-- Hash chain, scheme 2: the hash covers the exact bytes the row stores, so PostgreSQL can
-- recompute it natively (whole-store verification in one parallel scan instead of rebuilding
-- canonical JSON event by event in Node).
--
-- data and metadata become `json`, which keeps the text the appender sent byte for byte (jsonb
-- re-serialises it), and the hash is one sha256 over:
--   prev_hash | version | event_id | case_id | epoch(recorded_at) | schema_version |
--   len:stream_id len:category len:type len:data metadata
-- (len = octet length, so no field can be shifted into its neighbour). Rows stored before this
-- migration keep scheme 1 (sha256 of prev | version | sha256(canonical JSON body)) and are still
-- verified that way: hash_scheme says which.
ALTER TABLE ${schema}.events
  ALTER COLUMN data TYPE json USING data::json,
  ALTER COLUMN metadata TYPE json USING metadata::json,
  ADD COLUMN hash_scheme smallint NOT NULL DEFAULT 1,
  ADD CONSTRAINT events_hash_scheme_known CHECK (hash_scheme IN (1, 2));
-- New rows state their scheme explicitly.
ALTER TABLE ${schema}.events ALTER COLUMN hash_scheme DROP DEFAULT;

-- The one definition of a scheme-2 hash; append and verification both call it. Node's
-- `eventHash` (canonical.ts) computes the same, and a test holds the two together.
CREATE FUNCTION ${schema}.event_hash(
  p_prev_hash text, p_stream_version bigint, p_event_id uuid, p_case_id uuid, p_recorded_at timestamptz,
  p_schema_version integer, p_stream_id text, p_category text, p_type text, p_data json, p_metadata json
) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(
    p_prev_hash || '|' || p_stream_version || '|' || p_event_id || '|' || coalesce(p_case_id::text, '') || '|' ||
    extract(epoch FROM p_recorded_at) || '|' || p_schema_version || '|' ||
    octet_length(p_stream_id) || ':' || p_stream_id || octet_length(p_category) || ':' || p_category ||
    octet_length(p_type) || ':' || p_type || octet_length(p_data::text) || ':' || p_data::text || p_metadata::text,
    'UTF8')), 'hex')
$$;

DROP FUNCTION ${schema}.append_batch(jsonb);
DROP FUNCTION ${schema}.append_events(text, text, bigint, uuid, timestamptz, jsonb);

-- p_events: [{"id", "type", "schemaVersion", "data", "metadata"}, ...] as json, so that data and
-- metadata are stored (and hashed) as sent.
CREATE FUNCTION ${schema}.append_events(
  p_stream_id text, p_category text, p_expected bigint, p_case_id uuid, p_recorded_at timestamptz, p_events json
) RETURNS TABLE (out_position bigint, out_version bigint)
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
    RETURNING global_position, stream_version;
END $$;

-- Group commit, as in 003, over json: p_appends: [{"streamId", "category", "expected", "caseId",
-- "recordedAt", "events": [...]}, ...]. Each append is decided on its own exactly as
-- append_events decides it; a refused one is reported in its row and writes nothing.
CREATE FUNCTION ${schema}.append_batch(p_appends json)
RETURNS TABLE (b_index integer, b_position bigint, b_version bigint, b_error text, b_actual bigint)
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
      RETURN NEXT;
      CONTINUE;
    END IF;
    IF EXISTS (SELECT 1 FROM ${schema}.events e
                WHERE e.event_id IN (SELECT x.id FROM json_to_recordset(a.events) AS x(id uuid))) THEN
      b_index := a.ord - 1; b_position := NULL; b_version := NULL; b_error := 'duplicate'; b_actual := v_version;
      RETURN NEXT;
      CONTINUE;
    END IF;
    RETURN QUERY
      SELECT (a.ord - 1)::integer, r.out_position, r.out_version, NULL::text, NULL::bigint
        FROM ${schema}.append_events(a."streamId", a.category, a.expected, a."caseId", a."recordedAt", a.events) AS r;
  END LOOP;
END $$;
