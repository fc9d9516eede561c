-- ADR 0192: cheaper ANALYZEs. At the benchmark's 1,000 actions/s autovacuum re-analyzes candidate_history and
-- audit_log (inserts) and candidate (updates) in nearly every once-a-minute round. With the default statistics
-- target of 100 each ANALYZE samples 30,000 rows: about 1.2 s of CPU for these three tables, spent within 2-3
-- seconds on the two cores the requests need, which showed as a burst of lag every minute.
-- candidate_history and audit_log are append-only and read through their indexes (the history by candidate, the
-- audit trail by time and idempotency key): a sample of 3,000 rows (target 10) serves those plans. candidate is
-- filtered by organization, stage, name and due dates: a target of 30 (a sample of 9,000 rows, 30-bucket
-- histograms) serves its lists and deadlines.
-- outbox keeps the default: with a target of 10 the relay's SELECT (ADR 0187) was planned as a walk of outbox_pkey
-- in seq order (54,000 buffers per call instead of 18) and events fell a second behind.
-- A column added later gets the server's default target unless its migration sets one.
DO $$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT a.attrelid::regclass::text AS table_name, a.attname AS column_name,
               CASE WHEN a.attrelid = 'candidate'::regclass THEN 30 ELSE 10 END AS target
        FROM pg_attribute a
        WHERE a.attrelid IN ('candidate_history'::regclass, 'audit_log'::regclass, 'candidate'::regclass)
          AND a.attnum > 0 AND NOT a.attisdropped
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS %s', col.table_name, col.column_name, col.target);
    END LOOP;
END $$;
