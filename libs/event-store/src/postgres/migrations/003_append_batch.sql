-- Group commit: several appends (to any streams) in one statement and one transaction, for a
-- service whose appends arrive together. Each append is decided on its own exactly as
-- append_events decides it; a refused one is reported in its row and writes nothing.
-- p_appends: [{"streamId", "category", "expected", "caseId", "recordedAt", "events": [...]}, ...]
-- Result rows: b_index (0-based position in p_appends) with either positions and versions or
-- b_error 'LS409' (b_actual = the stream's version) or 'duplicate' (an event id is stored).
CREATE FUNCTION ${schema}.append_batch(p_appends jsonb)
RETURNS TABLE (b_index integer, b_position bigint, b_version bigint, b_error text, b_actual bigint)
LANGUAGE plpgsql AS $$
DECLARE
  a         jsonb;
  v_version bigint;
  v_expected bigint;
BEGIN
  -- Every stream's lock before anything is written, always in the same order, so that two
  -- batches never wait for each other in a cycle and the transaction id is assigned only after
  -- each stream's previous appender committed (transaction order equals version order).
  PERFORM pg_advisory_xact_lock(s.k)
     FROM (SELECT DISTINCT hashtextextended(x ->> 'streamId', 0) AS k
             FROM jsonb_array_elements(p_appends) AS x ORDER BY 1) AS s;
  FOR i IN 0 .. jsonb_array_length(p_appends) - 1 LOOP
    a := p_appends -> i;
    SELECT st.version INTO v_version FROM ${schema}.streams st WHERE st.stream_id = a ->> 'streamId';
    IF NOT FOUND THEN
      v_version := 0;
    END IF;
    v_expected := (a ->> 'expected')::bigint;
    IF (v_expected = -1 AND v_version <> 0) OR (v_expected >= 0 AND v_version <> v_expected) THEN
      b_index := i; b_position := NULL; b_version := NULL; b_error := 'LS409'; b_actual := v_version;
      RETURN NEXT;
      CONTINUE;
    END IF;
    IF EXISTS (SELECT 1 FROM ${schema}.events e
                WHERE e.event_id IN (SELECT (x ->> 'id')::uuid FROM jsonb_array_elements(a -> 'events') AS x)) THEN
      b_index := i; b_position := NULL; b_version := NULL; b_error := 'duplicate'; b_actual := v_version;
      RETURN NEXT;
      CONTINUE;
    END IF;
    RETURN QUERY
      SELECT i, r.out_position, r.out_version, NULL::text, NULL::bigint
        FROM ${schema}.append_events(a ->> 'streamId', a ->> 'category', v_expected,
                                     (a ->> 'caseId')::uuid, (a ->> 'recordedAt')::timestamptz,
                                     a -> 'events') AS r;
  END LOOP;
END $$;
