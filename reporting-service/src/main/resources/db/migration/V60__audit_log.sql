-- The append-only audit of who changed and who exported what (architecture.md "Security", ADR 0098).
-- CHANGE rows are written by vn.partydev.kit.audit.AuditTrail in the transaction of the change (one per event an
-- HTTP caller caused); EXPORT rows are committed before a CSV/XLSX file is sent. No personal data: the actor is
-- the JWT subject, the path holds only UUIDs, the query string is kept only for report exports (organization
-- ids, years, groupBy).
CREATE TABLE audit_log (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at           timestamptz NOT NULL,
    kind                  text        NOT NULL CHECK (kind IN ('CHANGE', 'EXPORT')),
    actor                 text        NOT NULL,
    actor_roles           text        NOT NULL,
    actor_organization_id uuid,
    http_method           text        NOT NULL,
    http_path             text        NOT NULL,
    http_query            text,
    idempotency_key       text,
    event_id              uuid,
    event_type            text,
    aggregate_type        text,
    aggregate_id          text,
    export_format         text,
    export_rows           integer,
    -- event_id may be null for a change that emits no event (a writer calling AuditTrail.recordChange itself)
    CHECK (kind <> 'CHANGE' OR event_type IS NOT NULL),
    CHECK (kind <> 'EXPORT' OR (export_format IS NOT NULL AND export_rows IS NOT NULL))
);

-- GET /api/v1/audit reads newest first within a time window; one index keeps the write cost to one extra leaf.
CREATE INDEX audit_log_recorded_at ON audit_log (recorded_at DESC, id DESC);

-- Append-only: any UPDATE, DELETE or TRUNCATE fails, whoever runs it. Statement-level, so even a statement
-- that matches no row is refused. Retention is the deployment's decision (ADR 0098): it needs the table
-- owner to drop this trigger on purpose, which leaves a trace in the database's own logs.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
