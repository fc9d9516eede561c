-- A pipeline step changes a candidate's stage, so while `stage` was part of an index key
-- (candidate_by_organization) or of an index predicate (candidate_live_citizen), every step's UPDATE wrote a new
-- entry into every index of the table (PostgreSQL cannot make it a HOT update). After this migration no index
-- reads a column that an ordinary step changes, and pages keep room for new row versions, so a step's UPDATE
-- normally stays on its page and touches no index (ADR 0087).

-- "Live" (not withdrawn, rejected or removed) as a column of its own: it changes only on the steps that end a
-- file, and the uniqueness of a live file per citizen is declared on it. Same meaning as the old predicate.
ALTER TABLE candidate
    ADD COLUMN live boolean GENERATED ALWAYS AS (stage NOT IN ('WITHDRAWN', 'REJECTED', 'REMOVED')) STORED;
CREATE UNIQUE INDEX candidate_live_citizen_new ON candidate (citizen_id) WHERE live;
DROP INDEX candidate_live_citizen;
ALTER INDEX candidate_live_citizen_new RENAME TO candidate_live_citizen;
-- Registration asks "is there a live file for this citizen id" by stage; this index answers it by citizen id
-- (one or a few rows per citizen), whatever the predicate's wording.
CREATE INDEX candidate_by_citizen ON candidate (citizen_id);

-- Lists filter by the chi bộ subtree and then by stage: a chi bộ has tens to hundreds of files, so the stage is
-- checked on the rows the organization index finds.
CREATE INDEX candidate_by_organization_new ON candidate (organization_id);
DROP INDEX candidate_by_organization;
ALTER INDEX candidate_by_organization_new RENAME TO candidate_by_organization;

-- Room on every page for the next versions of its rows (a file changes 10–15 times in its life).
ALTER TABLE candidate SET (fillfactor = 80);
