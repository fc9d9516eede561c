-- Whether the rollups equal the admission facts joined with the stored closure (ADR 0072). True after a full
-- restatement; the live consumer then keeps it true (it adds every admission to the rollups by the stored
-- closure, even while the tree is dirty), so a tree change needs to restate only the chi bộ whose closure rows
-- changed. False here: the first restatement after this upgrade is a full one (the earlier code skipped the
-- rollups while the tree was dirty).
ALTER TABLE projection_state ADD COLUMN rollups_exact boolean NOT NULL DEFAULT false;
