-- Headcount segments (ADR 0061): for every member, the intervals during which they count in a chi bộ's
-- headcount, already intersected: HOME affiliation × live status (PROBATIONARY, OFFICIAL, EXEMPT), split where a
-- temporary transfer elsewhere begins or ends (away), and TEMPORARY affiliation × live status (HOSTED). The
-- headcount of any organization on any day is then one index range scan per cell of its subtree, instead of a
-- join of affiliations, statuses and transfers per member.
--
-- The rows are derived data, never written by the application: triggers on member_status and member_affiliation
-- recompute every touched member's segments in the same statement, so they are always exactly what the source
-- intervals say (whatever code path wrote them, including bulk SQL).
CREATE TABLE headcount_segment (
    member_id        uuid    NOT NULL,
    organization_id  uuid    NOT NULL,
    kind             text    NOT NULL CHECK (kind IN ('HOME', 'HOSTED')),
    status           text    NOT NULL,
    away             boolean NOT NULL,
    valid_from       date    NOT NULL,
    valid_to         date,
    CONSTRAINT headcount_segment_interval CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- Covering: a headcount reads the index alone.
CREATE INDEX headcount_segment_by_org ON headcount_segment (organization_id, valid_from)
    INCLUDE (valid_to, kind, status, away, member_id);
CREATE INDEX headcount_segment_by_member ON headcount_segment (member_id);

-- The segments of the given members (every member when NULL). Date intervals are inclusive ranges; a
-- member's temporary transfers are merged first (range_agg), so overlapping transfers cannot count twice.
CREATE FUNCTION headcount_segments_refresh(members uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
    only_members text := CASE WHEN members IS NULL THEN 'TRUE' ELSE 'x.member_id = ANY($1)' END;
BEGIN
    IF members IS NULL THEN
        TRUNCATE headcount_segment;
    ELSE
        DELETE FROM headcount_segment g WHERE g.member_id = ANY(members);
    END IF;
    EXECUTE format($q$
        WITH st AS (
            SELECT x.member_id, x.status, daterange(x.valid_from, x.valid_to, '[]') AS r FROM member_status x
            WHERE %1$s AND x.status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT')
        ), aff AS (
            SELECT x.member_id, x.organization_id, x.kind, daterange(x.valid_from, x.valid_to, '[]') AS r
            FROM member_affiliation x WHERE %1$s
        ), away AS (
            SELECT member_id, range_agg(r) AS mr FROM aff WHERE kind = 'TEMPORARY' GROUP BY member_id
        ), home AS (
            SELECT h.member_id, h.organization_id, st.status, datemultirange(h.r * st.r) AS mr, away.mr AS away_mr
            FROM aff h JOIN st ON st.member_id = h.member_id AND st.r && h.r
            LEFT JOIN away ON away.member_id = h.member_id
            WHERE h.kind = 'HOME'
        ), pieces AS (
            SELECT member_id, organization_id, 'HOME' AS kind, status, false AS away, p AS r
            FROM home, unnest(CASE WHEN away_mr IS NULL THEN mr ELSE mr - away_mr END) AS p
            UNION ALL
            SELECT member_id, organization_id, 'HOME', status, true, p
            FROM home, unnest(mr * away_mr) AS p WHERE away_mr IS NOT NULL
            UNION ALL
            SELECT t.member_id, t.organization_id, 'HOSTED', st.status, false, t.r * st.r
            FROM aff t JOIN st ON st.member_id = t.member_id AND st.r && t.r WHERE t.kind = 'TEMPORARY'
        )
        INSERT INTO headcount_segment (member_id, organization_id, kind, status, away, valid_from, valid_to)
        SELECT member_id, organization_id, kind, status, away, lower(r),
               CASE WHEN upper_inf(r) THEN NULL ELSE upper(r) - 1 END
        FROM pieces WHERE NOT isempty(r)
    $q$, only_members) USING members;
END
$fn$;

CREATE FUNCTION headcount_segments_follow() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM headcount_segments_refresh(ARRAY(SELECT DISTINCT member_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM headcount_segments_refresh(ARRAY(SELECT DISTINCT member_id FROM old_rows));
    ELSE
        PERFORM headcount_segments_refresh(ARRAY(SELECT member_id FROM new_rows UNION SELECT member_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER member_status_inserted AFTER INSERT ON member_status REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION headcount_segments_follow();
CREATE TRIGGER member_status_updated AFTER UPDATE ON member_status REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION headcount_segments_follow();
CREATE TRIGGER member_status_deleted AFTER DELETE ON member_status REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION headcount_segments_follow();
CREATE TRIGGER member_affiliation_inserted AFTER INSERT ON member_affiliation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION headcount_segments_follow();
CREATE TRIGGER member_affiliation_updated AFTER UPDATE ON member_affiliation REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION headcount_segments_follow();
CREATE TRIGGER member_affiliation_deleted AFTER DELETE ON member_affiliation REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION headcount_segments_follow();

-- Members already on the roster.
SELECT headcount_segments_refresh(NULL);
