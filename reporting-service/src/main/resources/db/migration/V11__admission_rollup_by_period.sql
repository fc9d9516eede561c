-- A narrow rollup for the questions asked most (by year, quarter, month, kind of chi bộ, child organization):
-- a handful of rows per organization, so a national rollup by year reads ~1,000 rows instead of the wide
-- rollup's hundreds of thousands (ADR 0050). Kept together with admission_rollup, per event.
CREATE TABLE admission_rollup_period (
    structure       char(1) NOT NULL,
    organization_id uuid    NOT NULL,
    year            int     NOT NULL,
    month           int     NOT NULL,
    kind            text    NOT NULL,
    count           bigint  NOT NULL,
    PRIMARY KEY (structure, organization_id, year, month, kind)
);
