-- The admission pipeline: one row per candidate (quần chúng ưu tú → đảng viên chính thức) with the facts the
-- party's rules need, and an append-only history of every step. Open deadlines are kept as columns so that
-- "overdue" and "due soon" are answered by SQL over the whole province.
CREATE TABLE candidate (
    id                          uuid        PRIMARY KEY,
    organization_id             uuid        NOT NULL,
    full_name                   text        NOT NULL,
    name_search                 text        NOT NULL,
    date_of_birth               date        NOT NULL,
    gender                      text        NOT NULL,
    citizen_id                  text        NOT NULL,
    ethnicity                   text        NOT NULL,
    religion                    text        NOT NULL,
    hometown                    text,
    residence                   text,
    occupation                  text,
    sector                      text        NOT NULL,
    general_education           text        NOT NULL,
    professional_education      text        NOT NULL,
    political_theory            text        NOT NULL,
    youth_union_member          boolean     NOT NULL,
    area_category               text        NOT NULL,
    village_elder               boolean     NOT NULL DEFAULT false,
    source                      text        NOT NULL,
    stage                       text        NOT NULL,
    stage_since                 date        NOT NULL,
    last_step_date              date,
    sympathizer_date            date,
    certificate_number          text,
    certificate_date            date,
    application_date            date,
    record_date                 date,
    introducers                 text,
    youth_union_committee       boolean     NOT NULL DEFAULT false,
    verification_result         text,
    verification_date           date,
    cell_resolution_date        date,
    grassroots_resolution_date  date,
    decision_extended           boolean     NOT NULL DEFAULT false,
    admission_decision_date     date,
    ceremony_date               date,
    new_member_certificate_date date,
    recognition_resolution_date date,
    failed_recognition_votes    integer     NOT NULL DEFAULT 0,
    recognition_escalated       boolean     NOT NULL DEFAULT false,
    official_date               date,
    party_age_from              date,
    ended_date                  date,
    warnings                    text        NOT NULL DEFAULT '[]',
    decision_due                date,
    ceremony_due                date,
    recognition_due             date,
    certificate_due             date,
    created_at                  timestamptz NOT NULL,
    version                     bigint      NOT NULL
);
CREATE INDEX candidate_by_organization ON candidate (organization_id, stage);
CREATE INDEX candidate_by_name ON candidate (name_search);
-- One live file per citizen: a person who withdrew or was rejected may be registered again later.
CREATE UNIQUE INDEX candidate_live_citizen ON candidate (citizen_id)
    WHERE stage NOT IN ('WITHDRAWN', 'REJECTED', 'REMOVED');

-- Append-only: rows are inserted, never updated or deleted (see the trigger).
CREATE TABLE candidate_history (
    seq             bigserial   PRIMARY KEY,
    candidate_id    uuid        NOT NULL REFERENCES candidate (id),
    action          text        NOT NULL,
    step_date       date        NOT NULL,
    actor           text        NOT NULL,
    decision        text,
    votes           text,
    evidence        text,
    policy_version  text,
    override        text,
    from_stage      text,
    to_stage        text        NOT NULL,
    recorded_at     timestamptz NOT NULL
);
CREATE INDEX candidate_history_by_candidate ON candidate_history (candidate_id, seq);

CREATE FUNCTION candidate_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'candidate_history is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER candidate_history_no_change BEFORE UPDATE OR DELETE ON candidate_history
    FOR EACH ROW EXECUTE FUNCTION candidate_history_append_only();
