-- reporting-service keeps the organization tree, fed by party.organization.v1: one row per version
-- of a node ([valid_from, valid_to], valid_to inclusive, NULL while in force). Reports need the tree: a chi bộ
-- that admitted nobody is a row with zero, and history is restated onto today's tree.
CREATE TABLE organization_replica (
    organization_id  uuid        NOT NULL,
    valid_from       date        NOT NULL,
    valid_to         date,
    code             text        NOT NULL,
    name             text        NOT NULL,
    type             text        NOT NULL,
    kind             text        NOT NULL,
    parent_id        uuid,
    status           text        NOT NULL,
    established_on   date,
    ended_on         date,
    source_version   bigint      NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, valid_from)
);
CREATE INDEX organization_replica_by_parent ON organization_replica (parent_id, valid_from);

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
