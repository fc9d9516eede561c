-- The organization tree, time-versioned: an organization is an identity; each row of organization_version
-- holds its attributes and parent for one interval [valid_from, valid_to] (valid_to inclusive, NULL = open).
-- History is never rewritten: a change closes the current row and opens a new one.
CREATE TABLE organization (
    id              uuid PRIMARY KEY,
    version         bigint      NOT NULL DEFAULT 0,
    established_on  date        NOT NULL,
    ended_on        date,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organization_version (
    id               bigserial PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    valid_from       date        NOT NULL,
    valid_to         date,
    code             text        NOT NULL,
    name             text        NOT NULL,
    name_search      text        NOT NULL,
    type             text        NOT NULL,
    kind             text        NOT NULL,
    parent_id        uuid REFERENCES organization (id),
    status           text        NOT NULL,
    decision_number  text,
    decision_date    date,
    decision_issuer  text,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organization_version_interval CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX organization_version_by_org ON organization_version (organization_id, valid_from);
CREATE INDEX organization_version_by_parent ON organization_version (parent_id, valid_from);

-- Transactional outbox (columns id, aggregatetype, aggregateid, type, payload as Debezium's outbox router).
CREATE TABLE outbox (
    seq            bigserial PRIMARY KEY,
    id             uuid        NOT NULL UNIQUE,
    topic          text        NOT NULL,
    aggregatetype  text        NOT NULL,
    aggregateid    text        NOT NULL,
    type           text        NOT NULL,
    payload        jsonb       NOT NULL,
    occurred_at    timestamptz NOT NULL,
    sent_at        timestamptz
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;

-- Idempotent consumers: one row per event applied (or parked), written in the same transaction.
CREATE TABLE processed_event (
    consumer      text        NOT NULL,
    event_id      text        NOT NULL,
    topic         text        NOT NULL,
    type          text,
    status        text        NOT NULL,
    reason        text,
    processed_at  timestamptz NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE consumer_checkpoint (
    consumer         text        NOT NULL,
    topic            text        NOT NULL,
    last_event_id    text,
    last_event_time  timestamptz,
    applied_at       timestamptz NOT NULL,
    events_applied   bigint      NOT NULL,
    PRIMARY KEY (consumer, topic)
);
