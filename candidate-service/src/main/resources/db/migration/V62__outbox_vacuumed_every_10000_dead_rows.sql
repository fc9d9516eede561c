-- The outbox relay's SELECT (… WHERE sent_at IS NULL ORDER BY seq LIMIT n) walks the partial index outbox_unsent
-- from its left end, through the entries of every row marked sent since the table's last vacuum (the relay's
-- UPDATE of sent_at leaves them dead). By default autovacuum waits for 20 % of the table to be dead, which in a
-- table that keeps a week of sent rows (partydev.outbox.retention) grows with the table. Vacuum it after every
-- 10,000 dead rows whatever its size, without the cost-based pauses (session 10, docs/notes/pipeline-p99-session10.md).
-- autovacuum still visits a database at most once per autovacuum_naptime (1 min by default).
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
                        autovacuum_vacuum_cost_delay = 0);
