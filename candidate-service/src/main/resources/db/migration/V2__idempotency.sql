-- Idempotency-Key on POSTs (service-kit's IdempotencyFilter): the first answer per caller and key.
CREATE TABLE idempotency_record (
    caller           text        NOT NULL,
    idempotency_key  text        NOT NULL,
    request_hash     text        NOT NULL,
    status           integer,
    content_type     text,
    location         text,
    etag             text,
    body             bytea,
    created_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz,
    PRIMARY KEY (caller, idempotency_key)
);
