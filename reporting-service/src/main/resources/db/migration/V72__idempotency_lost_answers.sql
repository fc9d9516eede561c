-- Lost answers of Idempotency-Key requests (service-kit's IdempotencyFilter, ADR 0177).
-- 1. A repeat of a POST whose answer was never kept looks up what the request with its key committed
--    (CommittedChanges). Only rows written under a key are indexed: requests without one (the usual case, and
--    every benchmark) pay nothing but the predicate.
CREATE INDEX audit_log_idempotency_key ON audit_log (idempotency_key, actor) WHERE idempotency_key IS NOT NULL;

-- 2. Which process holds a claim (ClaimsInFlight): a claim of this process whose request has ended is taken
--    over at once; one of another process (or of none: rows from before this column) waits until it is stale.
ALTER TABLE idempotency_record ADD COLUMN claimed_by uuid;
