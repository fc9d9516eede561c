-- Training classes (lớp bồi dưỡng nhận thức về Đảng, lớp đảng viên mới) organized by a committee, and the
-- candidates enrolled in each. A completion is also a pipeline step on the candidate (its certificate).
CREATE TABLE training_class (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    kind            text        NOT NULL,
    name            text        NOT NULL,
    start_date      date        NOT NULL,
    end_date        date        NOT NULL,
    issuer          text        NOT NULL,
    decision        text,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    version         bigint      NOT NULL,
    CONSTRAINT training_class_dates CHECK (end_date >= start_date)
);
CREATE INDEX training_class_by_organization ON training_class (organization_id, kind, start_date);

CREATE TABLE training_enrollment (
    training_class_id  uuid        NOT NULL REFERENCES training_class (id),
    candidate_id       uuid        NOT NULL REFERENCES candidate (id),
    enrolled_at        timestamptz NOT NULL,
    certificate_number text,
    certificate_date   date,
    completed_at       timestamptz,
    PRIMARY KEY (training_class_id, candidate_id)
);
CREATE INDEX training_enrollment_by_candidate ON training_enrollment (candidate_id);
-- The same class entered twice (two clicks, two clerks) is one class.
CREATE UNIQUE INDEX training_class_unique ON training_class (organization_id, kind, start_date, name);
