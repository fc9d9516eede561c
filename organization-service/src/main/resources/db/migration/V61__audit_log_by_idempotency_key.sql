-- A repeat of a POST whose answer was never kept looks up what the request with its Idempotency-Key committed
-- (service-kit's CommittedChanges, ADR 0177). Only rows written under a key are indexed: requests without one
-- (the usual case, and every benchmark) pay nothing but the predicate.
CREATE INDEX audit_log_idempotency_key ON audit_log (idempotency_key, actor) WHERE idempotency_key IS NOT NULL;
