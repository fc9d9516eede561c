-- ADR 0187: the relay no longer marks outbox rows sent (a non-HOT UPDATE of every row, a partial index whose
-- dead entries each round walked, and a table of a week of updated rows for autovacuum). It keeps one
-- PostgreSQL snapshot instead: every row whose transaction is visible in outbox_relay.published is on Kafka.

ALTER TABLE outbox ADD COLUMN xid xid8;
-- Rows already published: the frozen transaction id, visible in every snapshot.
UPDATE outbox SET xid = '3' WHERE sent_at IS NOT NULL;
-- Rows not yet published: this migration's own transaction, which the snapshot saved below does not see as
-- committed, so the relay's first round publishes them.
UPDATE outbox SET xid = pg_current_xact_id() WHERE sent_at IS NULL;
ALTER TABLE outbox ALTER COLUMN xid SET DEFAULT pg_current_xact_id(), ALTER COLUMN xid SET NOT NULL;
DROP INDEX outbox_unsent;
ALTER TABLE outbox DROP COLUMN sent_at;
CREATE INDEX outbox_by_xid ON outbox (xid);

-- How far the relay has published (one row; see service-kit's OutboxPosition).
CREATE TABLE outbox_relay (
    only_row    boolean     PRIMARY KEY DEFAULT true CHECK (only_row),
    published   pg_snapshot NOT NULL,
    batch       pg_snapshot,
    batch_seq   bigint      NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO outbox_relay (published) VALUES (pg_current_snapshot());

-- The rows not yet on Kafka, for operators, drills and tests (the relay itself reads outbox by xid).
CREATE VIEW outbox_pending AS
SELECT o.*
FROM outbox o CROSS JOIN outbox_relay r
WHERE o.xid >= pg_snapshot_xmin(r.published)
  AND NOT pg_visible_in_snapshot(o.xid, r.published)
  AND NOT (r.batch IS NOT NULL AND pg_visible_in_snapshot(o.xid, r.batch) AND o.seq <= r.batch_seq);
