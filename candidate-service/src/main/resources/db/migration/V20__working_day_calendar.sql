-- The working-day calendar (ngày làm việc): per year, the public holidays (with nghỉ bù) and the Saturdays or
-- Sundays the government made working days (hoán đổi). A year is seeded from the statutory rules the first time
-- it is read or edited (origin GENERATED), then replaced as a whole by the national administrator (EDITED).
CREATE TABLE calendar_year (
    year        integer     PRIMARY KEY,
    version     bigint      NOT NULL,
    origin      text        NOT NULL CHECK (origin IN ('GENERATED', 'EDITED')),
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL
);

CREATE TABLE calendar_entry (
    year  integer NOT NULL REFERENCES calendar_year (year) ON DELETE CASCADE,
    day   date    NOT NULL PRIMARY KEY,
    name  text    NOT NULL,
    kind  text    NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKING_DAY_SWAP')),
    CHECK (EXTRACT(YEAR FROM day) = year)
);
CREATE INDEX calendar_entry_by_year ON calendar_entry (year);

-- Append-only audit of every edit: who replaced which year with what.
CREATE TABLE calendar_change (
    id          bigserial   PRIMARY KEY,
    year        integer     NOT NULL,
    version     bigint      NOT NULL,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    entries     jsonb       NOT NULL
);
