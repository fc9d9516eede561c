#!/usr/bin/env bash
# Session 11 (lead): EXPLAIN (ANALYZE, BUFFERS) of the live batch's rollup statement (CandidateBatchProjector.addToRollups,
# main c9f8431) on a synthetic national tree, outside the consumer, to see where its ≈ 0.15 ms per event goes.
# Not part of the build. Needs a PostgreSQL 17 bin directory with initdb/pg_ctl/postgres in PGB (e.g. the test kit's
# extracted server: <module>/target/embedded-pg/PG-*/bin after any test run) and a psql client; runs as root with a
# 'postgres' user, as deploy/local does. Results: docs/notes/session-11-lead.md.
#   PGB=/path/to/bin bash docs/experiments/session11-rollup-statement-explain.sh
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
W=${W:-/tmp/rollup-explain}; mkdir -p "$W"; cd "$W"
export PGPORT=${PGPORT:-56999} PGHOST=/tmp PGUSER=postgres
if [ ! -f pg/PG_VERSION ]; then
  install -d -o postgres -g postgres -m 700 pg
  su postgres -s /bin/bash -c "$PGB/initdb -D $W/pg -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
fi
# the test kit's settings (EmbeddedPostgres): fsync, synchronous_commit and full_page_writes off
su postgres -s /bin/bash -c "$PGB/pg_ctl -D $W/pg -l $W/pg/server.log -w -o \"-p $PGPORT -k /tmp -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null
psql -qc "DROP DATABASE IF EXISTS r" -c "CREATE DATABASE r"
for f in $(ls "$REPO"/reporting-service/src/main/resources/db/migration/*.sql | sort -V); do
  psql -q -d r -v ON_ERROR_STOP=1 -f "$f" >/dev/null
done
cat > data.sql <<'SQL'
-- synthetic national tree: 34 provinces x 100 communes x 15 chi bo, closure in C and H (as the benchmark's tree)
DROP TABLE IF EXISTS cell_list, ev, ba; TRUNCATE org_closure, admission_rollup, admission_rollup_period;
CREATE TEMP TABLE cells AS
SELECT md5('cell'||p||'/'||m||'/'||k)::uuid AS cell, md5('com'||p||'/'||m)::uuid AS commune, md5('prov'||p)::uuid AS province,
       (ARRAY['RESIDENTIAL','ENTERPRISE','SCHOOL','ARMED_FORCES','AGENCY'])[1 + (k % 5)] AS kind
FROM generate_series(1,34) p, generate_series(1,100) m, generate_series(1,15) k;
INSERT INTO org_closure (structure, ancestor_id, descendant_id, valid_from, valid_to, depth, descendant_kind, mapped)
SELECT s, a.anc, c.cell, DATE '1945-01-01', DATE '9999-12-31', a.depth, c.kind, false
FROM cells c CROSS JOIN (VALUES ('C'), ('H')) st(s)
CROSS JOIN LATERAL (VALUES (c.cell, 0), (c.commune, 1), (c.province, 2), ('00000000-0000-0000-0000-000000000000'::uuid, 3)) a(anc, depth);
-- the communes' and provinces' own closure rows (index size as in the benchmark)
INSERT INTO org_closure (structure, ancestor_id, descendant_id, valid_from, valid_to, depth, descendant_kind, mapped)
SELECT DISTINCT s, a.anc, c.commune, DATE '1945-01-01', DATE '9999-12-31', a.depth, 'COMMUNE', false
FROM cells c CROSS JOIN (VALUES ('C'), ('H')) st(s)
CROSS JOIN LATERAL (VALUES (c.commune, 0), (c.province, 1), ('00000000-0000-0000-0000-000000000000'::uuid, 2)) a(anc, depth);
ANALYZE org_closure;
CREATE TABLE cell_list AS SELECT row_number() OVER (ORDER BY cell) AS i, cell FROM cells;
-- events: batch b (2,800 each), chronological days over 10 years
CREATE TABLE ev AS
SELECT b, n, arr.a[1 + (abs(hashint4(b*100000+n)) % 51000)] AS cell,
  DATE '2016-01-01' + ((b * 2800 + n) * 3650 / 672000) AS day,
  (ARRAY['MALE','FEMALE'])[1 + abs(hashint4(n*7+b)) % 2] AS gender,
  (ARRAY['18_30','31_40','41_50','51_60'])[1 + abs(hashint4(n*11+b)) % 4] AS age_band,
  (ARRAY['KINH','KINH','KINH','TAY','THAI','MUONG','KHMER','HMONG'])[1 + abs(hashint4(n*13+b)) % 8] AS ethnicity,
  (ARRAY['NONE','NONE','NONE','BUDDHISM','CATHOLIC'])[1 + abs(hashint4(n*17+b)) % 5] AS religion,
  (ARRAY['UPPER_SECONDARY','UPPER_SECONDARY','LOWER_SECONDARY','PRIMARY'])[1 + abs(hashint4(n*19+b)) % 4] AS general_education,
  (ARRAY['NONE','VOCATIONAL','COLLEGE','UNIVERSITY','POSTGRADUATE'])[1 + abs(hashint4(n*23+b)) % 5] AS professional_education,
  (ARRAY['AGRICULTURE','INDUSTRY','SERVICES','PUBLIC','STUDENT','ARMED'])[1 + abs(hashint4(n*29+b)) % 6] AS sector,
  (abs(hashint4(n*31+b)) % 2) = 0 AS youth_union
FROM (SELECT array_agg(cell ORDER BY i) AS a FROM cell_list) arr, generate_series(0, :nb) b, generate_series(1, 2800) n;
CREATE TABLE ba AS SELECT b, array_agg(cell ORDER BY n) a1, array_agg(day ORDER BY n) a2, array_agg(gender ORDER BY n) a3, array_agg(age_band ORDER BY n) a4,
 array_agg(ethnicity ORDER BY n) a5, array_agg(religion ORDER BY n) a6, array_agg(general_education ORDER BY n) a7, array_agg(professional_education ORDER BY n) a8,
 array_agg(sector ORDER BY n) a9, array_agg(youth_union ORDER BY n) a10, array_agg(1 ORDER BY n) a11 FROM ev GROUP BY b;
CREATE UNIQUE INDEX ON ba (b);
SQL
cat > fn.sql <<'SQL'
CREATE OR REPLACE FUNCTION roll_batch(bb int, explain boolean DEFAULT false) RETURNS SETOF text LANGUAGE plpgsql AS $f$
DECLARE r record; line text;
  q text := (CASE WHEN explain THEN 'EXPLAIN (ANALYZE, BUFFERS, TIMING ON) ' ELSE '' END) || $s$WITH d AS (SELECT c.structure, c.ancestor_id, c.descendant_kind, extract(year FROM d.day)::int AS year, extract(month FROM d.day)::int AS month,
 d.gender COLLATE "C" AS gender, d.age_band COLLATE "C" AS age_band, d.ethnicity COLLATE "C" AS ethnicity, d.religion COLLATE "C" AS religion,
 d.general_education COLLATE "C" AS general_education, d.professional_education COLLATE "C" AS professional_education, d.sector COLLATE "C" AS sector,
 d.youth_union, d.delta FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) AS d(cell_id, day, gender, age_band, ethnicity, religion, general_education, professional_education, sector, youth_union, delta)
 CROSS JOIN LATERAL (SELECT CASE WHEN bool_or(c.structure = 'C') AND bool_or(c.structure = 'H') THEN 'B' ELSE min(c.structure) END AS structure, c.ancestor_id, c.descendant_kind
   FROM org_closure c WHERE c.descendant_id = d.cell_id AND c.structure IN ('C', 'H') AND d.day BETWEEN c.valid_from AND c.valid_to AND c.depth >= 1 GROUP BY c.ancestor_id, c.descendant_kind OFFSET 0) c),
wide AS (INSERT INTO admission_rollup AS r (structure, organization_id, year, month, kind, gender, age_band, ethnicity, religion, general_education, professional_education, sector, youth_union, count)
 SELECT structure, ancestor_id, year, month, descendant_kind, gender, age_band, ethnicity, religion, general_education, professional_education, sector, youth_union, sum(delta) FROM d
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
 ON CONFLICT (structure, organization_id, year, month, kind, gender, age_band, ethnicity, religion, general_education, professional_education, sector, youth_union) DO UPDATE SET count = r.count + EXCLUDED.count)
INSERT INTO admission_rollup_period AS r (structure, organization_id, year, month, kind, count)
SELECT structure, ancestor_id, year, month, descendant_kind, sum(delta) FROM d GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5
ON CONFLICT (structure, organization_id, year, month, kind) DO UPDATE SET count = r.count + EXCLUDED.count$s$;
BEGIN
  SELECT * INTO r FROM ba WHERE b = bb;
  -- the same statement text as CandidateBatchProjector.addToRollups, its eleven arrays bound as parameters
  IF NOT explain THEN -- an INSERT cannot be read as a cursor
    EXECUTE q USING r.a1, r.a2, r.a3, r.a4, r.a5, r.a6, r.a7, r.a8, r.a9, r.a10, r.a11;
    RETURN;
  END IF;
  FOR line IN EXECUTE q USING r.a1, r.a2, r.a3, r.a4, r.a5, r.a6, r.a7, r.a8, r.a9, r.a10, r.a11 LOOP
    RETURN NEXT line;
  END LOOP;
END $f$;
SQL
psql -q -d r -v ON_ERROR_STOP=1 -v nb=200 -f data.sql            # 201 batches of 2,800 admissions, chronological
psql -q -d r -v ON_ERROR_STOP=1 -f fn.sql
psql -q -d r -Atc "SELECT count(*) FROM generate_series(0, 159) b, LATERAL roll_batch(b)"   # fill: 448,000 admissions
psql -d r -c '\timing on' -c "SELECT roll_batch(160)" -c "SELECT roll_batch(161)" -c "SELECT roll_batch(162)"
psql -d r -Atc "SELECT roll_batch(163, true)"
su postgres -s /bin/bash -c "$PGB/pg_ctl -D $W/pg -w stop" >/dev/null
