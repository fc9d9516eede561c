-- The version of the projection code that produced the report tables (ADR 0071). At startup, a service whose
-- code has a newer projection version than the one recorded here rebuilds every projection from the topics
-- (shadow tables, swap), and the swap records the new version. Not a projected table: a rebuild keeps it.
CREATE TABLE projection_version (
    id          int PRIMARY KEY CHECK (id = 1),
    version     int         NOT NULL,
    recorded_at timestamptz NOT NULL
);
-- The tables as they are when this migration runs were produced by projection version 1.
INSERT INTO projection_version (id, version, recorded_at) VALUES (1, 1, now());
