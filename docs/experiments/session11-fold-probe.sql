-- Session 11 (lead): a first probe of folding the rollups from the events over longer windows. Run inside the database
-- that docs/experiments/session11-rollup-statement-explain.sh leaves (psql -d r -f this file); results: docs/notes/session-11-lead.md.
\timing on
CREATE OR REPLACE FUNCTION fold(b0 int, b1 int) RETURNS void LANGUAGE sql AS $f$
WITH d AS (SELECT 'B'::char(1) AS structure, c.ancestor_id, c.descendant_kind, extract(year FROM e.day)::int AS year, extract(month FROM e.day)::int AS month,
   e.gender, e.age_band, e.ethnicity, e.religion, e.general_education, e.professional_education, e.sector, e.youth_union
   FROM ev e JOIN org_closure c ON c.descendant_id = e.cell AND c.structure = 'C' AND e.day BETWEEN c.valid_from AND c.valid_to AND c.depth >= 1
   WHERE e.b BETWEEN b0 AND b1),
wide AS (INSERT INTO admission_rollup AS r (structure, organization_id, year, month, kind, gender, age_band, ethnicity, religion, general_education, professional_education, sector, youth_union, count)
   SELECT structure, ancestor_id, year, month, descendant_kind, gender COLLATE "C", age_band COLLATE "C", ethnicity COLLATE "C", religion COLLATE "C", general_education COLLATE "C", professional_education COLLATE "C", sector COLLATE "C", youth_union, count(*) FROM d
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
   ON CONFLICT (structure, organization_id, year, month, kind, gender, age_band, ethnicity, religion, general_education, professional_education, sector, youth_union) DO UPDATE SET count = r.count + EXCLUDED.count)
INSERT INTO admission_rollup_period AS r (structure, organization_id, year, month, kind, count)
SELECT structure, ancestor_id, year, month, descendant_kind, count(*) FROM d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
ON CONFLICT (structure, organization_id, year, month, kind) DO UPDATE SET count = r.count + EXCLUDED.count
$f$;
CREATE INDEX IF NOT EXISTS ev_b ON ev (b);
SELECT fold(166, 166);
SELECT fold(167, 167);
SELECT fold(168, 177);
SELECT fold(178, 187);
SELECT fold(188, 200);
SELECT roll_batch(190);
SELECT roll_batch(191);
