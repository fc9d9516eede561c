-- ADR 0182: the text columns of the keys the consumer's batch descends on every event compare bytes (collation
-- "C") instead of the database's collation. Under any collation other than "C"/"POSIX" (C.UTF-8 included: the
-- local up, the drills, the tests' embedded server) PostgreSQL compares two texts by copying both into buffers
-- and calling strcoll; under "C" it is a memcmp. The values are codes and names compared only for equality and
-- for the order of locks and index pages, so no value, count or grouping changes.
-- No table is rewritten (the type stays text / char(1); only the collation changes): each index holding one of
-- these columns is rebuilt, under the migration's exclusive lock.
ALTER TABLE admission_rollup
    ALTER COLUMN structure TYPE char(1) COLLATE "C",
    ALTER COLUMN kind TYPE text COLLATE "C",
    ALTER COLUMN gender TYPE text COLLATE "C",
    ALTER COLUMN age_band TYPE text COLLATE "C",
    ALTER COLUMN ethnicity TYPE text COLLATE "C",
    ALTER COLUMN religion TYPE text COLLATE "C",
    ALTER COLUMN general_education TYPE text COLLATE "C",
    ALTER COLUMN professional_education TYPE text COLLATE "C",
    ALTER COLUMN sector TYPE text COLLATE "C";

ALTER TABLE admission_rollup_period
    ALTER COLUMN structure TYPE char(1) COLLATE "C",
    ALTER COLUMN kind TYPE text COLLATE "C";

-- The batch looks each delta's chi bộ up by (structure, descendant_id); the kind it copies into the rollups.
ALTER TABLE org_closure
    ALTER COLUMN structure TYPE char(1) COLLATE "C",
    ALTER COLUMN descendant_kind TYPE text COLLATE "C";

-- The batch's claim: one primary-key insert per event.
ALTER TABLE processed_event
    ALTER COLUMN consumer TYPE text COLLATE "C",
    ALTER COLUMN event_id TYPE text COLLATE "C";
