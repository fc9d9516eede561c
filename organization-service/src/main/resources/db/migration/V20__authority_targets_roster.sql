-- Delegations (ủy quyền): a grassroots committee (đảng ủy cơ sở) authorized to decide admission and/or
-- official recognition itself, during [valid_from, valid_to] (valid_to inclusive, NULL = until ended).
CREATE TABLE delegation (
    id                   uuid PRIMARY KEY,
    version              bigint      NOT NULL DEFAULT 0,
    organization_id      uuid        NOT NULL REFERENCES organization (id),
    admission            boolean     NOT NULL,
    recognition          boolean     NOT NULL,
    valid_from           date        NOT NULL,
    valid_to             date,
    decision_number      text        NOT NULL,
    decision_date        date        NOT NULL,
    decision_issuer      text        NOT NULL,
    end_decision_number  text,
    end_decision_date    date,
    end_decision_issuer  text,
    recorded_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT delegation_interval CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT delegation_some_action CHECK (admission OR recognition)
);
CREATE INDEX delegation_by_org ON delegation (organization_id, valid_from);

-- Admission targets (chỉ tiêu kết nạp đảng viên) per organization and year, with the resolution that set them.
CREATE TABLE admission_target (
    organization_id    uuid        NOT NULL REFERENCES organization (id),
    year               integer     NOT NULL,
    version            bigint      NOT NULL DEFAULT 0,
    admissions         integer     NOT NULL CHECK (admissions >= 0),
    resolution_number  text        NOT NULL,
    resolution_date    date        NOT NULL,
    resolution_issuer  text        NOT NULL,
    recorded_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, year)
);

-- The roster: a party member (đảng viên). Personal data (name, date of birth, citizen id) is absent for members
-- created from candidate-service's events, which carry none; they are linked by candidate_id.
-- current_status mirrors the open member_status row so that the citizen id can be unique among live members.
CREATE TABLE member (
    id              uuid PRIMARY KEY,
    version         bigint      NOT NULL DEFAULT 0,
    candidate_id    uuid UNIQUE,
    full_name       text,
    name_search     text,
    date_of_birth   date,
    birth_year      integer,
    gender          text,
    citizen_id      text,
    admitted_on     date        NOT NULL,
    official_on     date,
    current_status  text        NOT NULL,
    source          text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX member_live_citizen_id ON member (citizen_id)
    WHERE citizen_id IS NOT NULL AND current_status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT');
CREATE INDEX member_name_search ON member (name_search);

-- Status as intervals: PROBATIONARY, OFFICIAL, EXEMPT, REMOVED, EXPELLED, LEFT, DECEASED.
CREATE TABLE member_status (
    id          bigserial PRIMARY KEY,
    member_id   uuid        NOT NULL REFERENCES member (id),
    status      text        NOT NULL,
    valid_from  date        NOT NULL,
    valid_to    date,
    reason      text,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT member_status_interval CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX member_status_by_member ON member_status (member_id, valid_from);

-- Where the member is active (sinh hoạt), as intervals: HOME (đảng số: official membership of a chi bộ) and
-- TEMPORARY (sinh hoạt tạm thời: hosted by another chi bộ while the home keeps the member).
CREATE TABLE member_affiliation (
    id               bigserial PRIMARY KEY,
    member_id        uuid        NOT NULL REFERENCES member (id),
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    kind             text        NOT NULL CHECK (kind IN ('HOME', 'TEMPORARY')),
    valid_from       date        NOT NULL,
    valid_to         date,
    decision_number  text,
    decision_date    date,
    decision_issuer  text,
    reason           text,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT member_affiliation_interval CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX member_affiliation_by_org ON member_affiliation (organization_id, kind, valid_from);
CREATE INDEX member_affiliation_by_member ON member_affiliation (member_id, valid_from);
