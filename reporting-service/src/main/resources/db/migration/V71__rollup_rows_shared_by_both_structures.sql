-- ADR 0170: a rollup pair (fact, ancestor) that both structures hold with the same kind is one row, structure 'B'
-- (read by structure=current and by structure=historical); 'C' and 'H' rows remain for the pairs only one
-- structure holds. Projection version 3.
-- Which pairs are shared is known only from the facts and the closure, not from the rollup rows (a C row and an
-- H row with the same key may sum different pairs), so the tables are not converted here: the rollups are marked
-- as not following the closure and the tree as dirty, and the next restatement (the scheduler, within seconds of
-- the start, or the first report) regroups every fact with the code of version 3. Until then the reads stay
-- right: the old C and H rows hold every pair, and what the consumer adds meanwhile goes to B, C or H rows that
-- reads sum with them. No rebuild from the topics.
UPDATE projection_state SET rollups_exact = false, tree_dirty = true WHERE id = 1;

UPDATE projection_version SET version = 3, recorded_at = now() WHERE id = 1;
