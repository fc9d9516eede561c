-- Reorganizations of the tree as candidate-service heard them (ADR 0033): one row per reorganization id (the
-- producer sends one event per affected node, all carrying the same reorganization), applied once on its
-- effectiveOn. `stranded` lists live candidates left at a source because no single successor was named.
CREATE TABLE candidate_reorganization (
    id            uuid        PRIMARY KEY,
    kind          text        NOT NULL,
    effective_on  date        NOT NULL,
    source_ids    text        NOT NULL,
    target_ids    text        NOT NULL,
    decision      text,
    received_at   timestamptz NOT NULL,
    applied_at    timestamptz,
    moved         integer,
    stranded      text
);
CREATE INDEX candidate_reorganization_due ON candidate_reorganization (effective_on) WHERE applied_at IS NULL;
