-- ADR 0140: the rollups hold the closure rows of depth >= 1 only (RollupScope); a report reads an organization's
-- own admissions (closure rows of depth 0: a chi bộ with itself, or with an ended chi bộ counted under it) from
-- the facts. Projection version 2. The tables are brought to it here, so the upgrade needs no rebuild from the
-- topics: the depth-0 pairs are taken out of both rollups, grouped from the facts and the stored closure — the
-- rollups follow the stored closure (ADR 0072) — and the rows left at zero deleted. When the rollups did not
-- follow the stored closure (rollups_exact false), the next restatement regroups every fact anyway: mark the tree
-- dirty so that it runs.
UPDATE projection_state SET tree_dirty = true WHERE id = 1 AND NOT rollups_exact;

CREATE TEMPORARY TABLE own_admissions AS
SELECT c.structure, c.ancestor_id AS organization_id, f.year, f.month, c.descendant_kind AS kind, f.gender,
       f.age_band, f.ethnicity, f.religion, f.general_education, f.professional_education, f.sector, f.youth_union,
       count(*) AS n
FROM admission_fact f
JOIN org_closure c ON c.descendant_id = f.cell_id AND f.ceremony_date BETWEEN c.valid_from AND c.valid_to
WHERE c.depth = 0
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13;

UPDATE admission_rollup r SET count = r.count - o.n
FROM own_admissions o
WHERE r.structure = o.structure AND r.organization_id = o.organization_id AND r.year = o.year
  AND r.month = o.month AND r.kind = o.kind AND r.gender = o.gender AND r.age_band = o.age_band
  AND r.ethnicity = o.ethnicity AND r.religion = o.religion AND r.general_education = o.general_education
  AND r.professional_education = o.professional_education AND r.sector = o.sector
  AND r.youth_union = o.youth_union;
DELETE FROM admission_rollup WHERE count = 0;

UPDATE admission_rollup_period r SET count = r.count - o.n
FROM (SELECT structure, organization_id, year, month, kind, sum(n) AS n FROM own_admissions
      GROUP BY 1, 2, 3, 4, 5) o
WHERE r.structure = o.structure AND r.organization_id = o.organization_id AND r.year = o.year
  AND r.month = o.month AND r.kind = o.kind;
DELETE FROM admission_rollup_period WHERE count = 0;

DROP TABLE own_admissions;

UPDATE projection_version SET version = 2, recorded_at = now() WHERE id = 1;
