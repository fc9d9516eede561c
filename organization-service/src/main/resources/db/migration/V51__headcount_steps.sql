-- Headcount steps (ADR 0084): per organization, the intervals in which its own counts (members at home by
-- status, away on temporary transfer, hosted) are constant — the step function of headcount_segment (ADR 0061)
-- summed per organization. A headcount of a subtree on a day is then one row per organization of the subtree
-- (found by the stored paths, ADR 0083) instead of ~2 index entries per member: a province of ~240,000 members
-- reads ~10,000 rows instead of ~480,000.
--
-- Derived from headcount_segment by triggers, like the segments are from the roster: whatever writes segments
-- (any roster change, bulk SQL), the steps of the organizations touched are recomputed in the same transaction,
-- at its commit (see headcount_step_dirty). Intervals where every count is zero are not stored (no row = zero).
CREATE TABLE headcount_step (
    organization_id  uuid    NOT NULL,
    valid_from       date    NOT NULL,
    valid_to         date,
    official         integer NOT NULL,
    probationary     integer NOT NULL,
    -- Members hosted here on a temporary transfer. A member is never hosted twice at once (TEMPORARY_OVERLAP), so
    -- counting their segments counts members.
    hosted           integer NOT NULL,
    exempt           integer NOT NULL,
    -- Official members at home and not away on a temporary transfer (the vote denominator).
    eligible         integer NOT NULL,
    CONSTRAINT headcount_step_interval CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- Covering: a subtree's headcount reads one index entry per organization.
CREATE INDEX headcount_step_by_org ON headcount_step (organization_id, valid_from)
    INCLUDE (valid_to, official, probationary, hosted, exempt, eligible);

-- Recomputes the steps of the given organizations (all when NULL) from their segments: every segment adds its
-- counts on valid_from and takes them away the day after valid_to; a running sum per organization over the days
-- where something changes gives the counts until the next such day.
CREATE FUNCTION headcount_steps_refresh(orgs uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
    only_orgs text := CASE WHEN orgs IS NULL THEN 'TRUE' ELSE 'g.organization_id = ANY($1)' END;
BEGIN
    IF orgs IS NULL THEN
        TRUNCATE headcount_step;
    ELSE
        DELETE FROM headcount_step s WHERE s.organization_id = ANY(orgs);
    END IF;
    EXECUTE format($q$
        WITH changes AS (
            SELECT g.organization_id, g.valid_from AS day, 1 AS sign, g.kind, g.status, g.away
            FROM headcount_segment g WHERE %1$s
            UNION ALL
            SELECT g.organization_id, g.valid_to + 1, -1, g.kind, g.status, g.away
            FROM headcount_segment g WHERE %1$s AND g.valid_to IS NOT NULL
        ), per_day AS (
            SELECT organization_id, day,
                   sum(sign) FILTER (WHERE kind = 'HOME' AND status = 'OFFICIAL') AS official,
                   sum(sign) FILTER (WHERE kind = 'HOME' AND status = 'PROBATIONARY') AS probationary,
                   sum(sign) FILTER (WHERE kind = 'HOSTED') AS hosted,
                   sum(sign) FILTER (WHERE kind = 'HOME' AND status = 'EXEMPT') AS exempt,
                   sum(sign) FILTER (WHERE kind = 'HOME' AND status = 'OFFICIAL' AND NOT away) AS eligible
            FROM changes GROUP BY organization_id, day
        ), running AS (
            SELECT organization_id, day AS valid_from, lead(day) OVER w - 1 AS valid_to,
                   sum(coalesce(official, 0)) OVER w AS official,
                   sum(coalesce(probationary, 0)) OVER w AS probationary,
                   sum(coalesce(hosted, 0)) OVER w AS hosted,
                   sum(coalesce(exempt, 0)) OVER w AS exempt,
                   sum(coalesce(eligible, 0)) OVER w AS eligible
            FROM per_day WINDOW w AS (PARTITION BY organization_id ORDER BY day)
        )
        INSERT INTO headcount_step (organization_id, valid_from, valid_to, official, probationary, hosted, exempt,
                                    eligible)
        SELECT organization_id, valid_from, valid_to, official, probationary, hosted, exempt, eligible
        FROM running WHERE (official, probationary, hosted, exempt, eligible) <> (0, 0, 0, 0, 0)
    $q$, only_orgs) USING orgs;
END
$fn$;

-- Organizations whose segments changed in a transaction not yet committed. Recomputing a chi bộ's steps reads
-- all its segments, and an import writes a member's rows one statement at a time: recomputing per statement
-- would cost (members of the cell)² for an import into one cell. So each statement only marks its
-- organizations, and the steps are recomputed ONCE per organization, at commit (a deferred constraint trigger).
-- The mark's primary key also orders concurrent writers of the same organization: the second waits on the
-- first's mark until the first has recomputed and committed, then recomputes from what it committed.
CREATE TABLE headcount_step_dirty (
    organization_id uuid PRIMARY KEY
);

CREATE FUNCTION headcount_steps_follow() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE headcount_step;
    ELSIF TG_OP = 'INSERT' THEN
        -- (Nested: a condition naming new_rows cannot even be planned in a DELETE trigger.)
        IF (SELECT count(*) FROM new_rows) > 500000 THEN
            -- A bulk load (headcount_segments_refresh(NULL) after TRUNCATE): recompute everything in one pass now.
            PERFORM headcount_steps_refresh(NULL);
        ELSE
            INSERT INTO headcount_step_dirty SELECT DISTINCT organization_id FROM new_rows ON CONFLICT DO NOTHING;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO headcount_step_dirty SELECT DISTINCT organization_id FROM old_rows ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO headcount_step_dirty SELECT organization_id FROM new_rows UNION SELECT organization_id FROM old_rows
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$fn$;

-- At commit: the first firing recomputes every organization marked in this transaction; the others find their
-- mark gone (one index probe each).
CREATE FUNCTION headcount_steps_settle() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    orgs uuid[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM headcount_step_dirty WHERE organization_id = NEW.organization_id) THEN
        RETURN NULL;
    END IF;
    WITH settled AS (DELETE FROM headcount_step_dirty RETURNING organization_id)
    SELECT array_agg(organization_id) INTO orgs FROM settled;
    IF orgs IS NOT NULL THEN
        PERFORM headcount_steps_refresh(orgs);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER headcount_segment_inserted AFTER INSERT ON headcount_segment REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION headcount_steps_follow();
CREATE TRIGGER headcount_segment_updated AFTER UPDATE ON headcount_segment
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION headcount_steps_follow();
CREATE TRIGGER headcount_segment_deleted AFTER DELETE ON headcount_segment REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION headcount_steps_follow();
CREATE TRIGGER headcount_segment_truncated AFTER TRUNCATE ON headcount_segment
    FOR EACH STATEMENT EXECUTE FUNCTION headcount_steps_follow();
CREATE CONSTRAINT TRIGGER headcount_step_dirty_settled AFTER INSERT ON headcount_step_dirty
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION headcount_steps_settle();

-- Members already on the roster.
SELECT headcount_steps_refresh(NULL);
