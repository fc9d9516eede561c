-- ADR 0189: nothing looks an outbox row up by its id since ADR 0187 (the relay reads by transaction id and seq),
-- and the ids are random UUIDs (UUID.randomUUID) written once. The UNIQUE constraint cost every event one more
-- B-tree insert at a random leaf page; consumers deduplicate by the event id (ce_id) whatever the outbox holds.
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_id_key;
