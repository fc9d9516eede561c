-- ADR 0194: a small statistics sample for outbox. Autovacuum re-analyzes outbox in nearly every once-a-minute
-- round under load (it only grows between the hourly purges); with the default target that read 30,000 sample
-- rows of ~1.2 kB each, i.e. the whole of a 192 MB table, ~0.5 s of CPU at once in the benchmark's window.
-- The relay's reads no longer depend on these statistics for their plans (ADR 0194: the first read of a round
-- cannot be ordered by outbox_pkey, the next ones always are), so a sample of 3,000 rows (target 10) is enough
-- for the purge and for operators' queries, and payload, never filtered on, gets none.
DO $$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT a.attname AS column_name FROM pg_attribute a
        WHERE a.attrelid = 'outbox'::regclass AND a.attnum > 0 AND NOT a.attisdropped
    LOOP
        EXECUTE format('ALTER TABLE outbox ALTER COLUMN %I SET STATISTICS %s', col.column_name,
                       CASE WHEN col.column_name = 'payload' THEN 0 ELSE 10 END);
    END LOOP;
END $$;
