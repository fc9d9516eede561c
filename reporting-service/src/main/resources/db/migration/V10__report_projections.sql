-- Report projections fed by party.candidate.v1 and party.organization.v1 (ADR 0050).
-- Raw facts (admission_fact, recognition_fact, candidate_state, training_class, admission_target) are kept for
-- rebuild and verification; admission_rollup is the pre-computed aggregate the admissions and targets reports
-- read: one row per (structure, ancestor, year, month, dimensions), updated per event.

-- Reorganization lineage: one row per (reorganization, source, target).
CREATE TABLE org_lineage (
    reorganization_id uuid NOT NULL,
    kind              text NOT NULL,
    effective_on      date NOT NULL,
    source_id         uuid NOT NULL,
    target_id         uuid NOT NULL,
    ordinal           int  NOT NULL,
    PRIMARY KEY (reorganization_id, source_id, target_id)
);

-- Closure of the tree. structure 'C' = today's tree (ended nodes mapped to their successors), valid for all
-- dates; 'H' = as the tree stood, each row valid during [valid_from, valid_to]. The nil UUID is the nation.
CREATE TABLE org_closure (
    structure        char(1) NOT NULL,
    ancestor_id      uuid    NOT NULL,
    descendant_id    uuid    NOT NULL,
    valid_from       date    NOT NULL,
    valid_to         date    NOT NULL,
    depth            int     NOT NULL,
    descendant_kind  text    NOT NULL,
    -- true when the descendant no longer exists and is counted under its successor (structure 'C')
    mapped           boolean NOT NULL
);
CREATE INDEX org_closure_by_descendant ON org_closure (structure, descendant_id);
CREATE INDEX org_closure_by_ancestor ON org_closure (structure, ancestor_id, depth);

-- Whether the tree changed since the closure and the rollups were last restated.
CREATE TABLE projection_state (
    id          int PRIMARY KEY,
    tree_dirty  boolean NOT NULL,
    restated_at timestamptz
);
INSERT INTO projection_state (id, tree_dirty) VALUES (1, false);

CREATE TABLE admission_fact (
    candidate_id           uuid PRIMARY KEY,
    event_id               text NOT NULL,
    cell_id                uuid NOT NULL,
    ceremony_date          date NOT NULL,
    year                   int  NOT NULL,
    month                  int  NOT NULL,
    gender                 text NOT NULL,
    age_band               text NOT NULL,
    ethnicity              text NOT NULL,
    religion               text NOT NULL,
    general_education      text NOT NULL,
    professional_education text NOT NULL,
    sector                 text NOT NULL,
    youth_union            boolean NOT NULL
);
CREATE INDEX admission_fact_by_cell ON admission_fact (cell_id, ceremony_date);

CREATE TABLE admission_rollup (
    structure              char(1) NOT NULL,
    organization_id        uuid NOT NULL,
    year                   int  NOT NULL,
    month                  int  NOT NULL,
    kind                   text NOT NULL,
    gender                 text NOT NULL,
    age_band               text NOT NULL,
    ethnicity              text NOT NULL,
    religion               text NOT NULL,
    general_education      text NOT NULL,
    professional_education text NOT NULL,
    sector                 text NOT NULL,
    youth_union            boolean NOT NULL,
    count                  bigint NOT NULL,
    PRIMARY KEY (structure, organization_id, year, month, kind, gender, age_band, ethnicity, religion,
                 general_education, professional_education, sector, youth_union)
);


CREATE TABLE cell_last_admission (
    cell_id   uuid PRIMARY KEY,
    last_date date NOT NULL
);

CREATE TABLE candidate_state (
    candidate_id    uuid PRIMARY KEY,
    organization_id uuid NOT NULL,
    stage           text NOT NULL,
    stage_since     date NOT NULL,
    next_due        date,
    recorded_at     timestamptz NOT NULL
);
CREATE INDEX candidate_state_by_org ON candidate_state (organization_id);

CREATE TABLE recognition_fact (
    candidate_id    uuid NOT NULL,
    outcome         text NOT NULL,
    organization_id uuid NOT NULL,
    on_date         date NOT NULL,
    late            boolean NOT NULL,
    PRIMARY KEY (candidate_id, outcome)
);

CREATE TABLE training_class (
    training_class_id uuid PRIMARY KEY,
    organization_id   uuid NOT NULL,
    kind              text NOT NULL,
    start_date        date NOT NULL,
    end_date          date,
    enrolled          int  NOT NULL,
    completed         int  NOT NULL
);

CREATE TABLE admission_target (
    organization_id uuid NOT NULL,
    year            int  NOT NULL,
    admissions      int  NOT NULL,
    resolution      text,
    PRIMARY KEY (organization_id, year)
);

-- Rebuild jobs (POST /api/v1/admin/rebuild).
CREATE TABLE rebuild_job (
    id          uuid PRIMARY KEY,
    status      text NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    events      bigint NOT NULL DEFAULT 0,
    error       text
);
