-- Historical records entered from paper files (ADR 0092): their history rows say so, so that an audit can tell
-- a step taken in this system from a milestone copied from an archive.
ALTER TABLE candidate_history ADD COLUMN imported boolean NOT NULL DEFAULT false;
