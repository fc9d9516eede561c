-- Reorganizations (sắp xếp tổ chức: hợp nhất, chia tách, chuyển, đổi tên, nâng cấp, hạ cấp, giải thể) and the
-- lineage they leave: which organizations became which, by which decision, effective which day.
CREATE TABLE reorganization (
    id               uuid PRIMARY KEY,
    kind             text        NOT NULL,
    effective_on     date        NOT NULL,
    decision_number  text        NOT NULL,
    decision_date    date        NOT NULL,
    decision_issuer  text        NOT NULL,
    requested_by     text,
    recorded_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reorganization_node (
    reorganization_id uuid NOT NULL REFERENCES reorganization (id),
    organization_id   uuid NOT NULL REFERENCES organization (id),
    role              text NOT NULL CHECK (role IN ('SOURCE', 'TARGET')),
    PRIMARY KEY (reorganization_id, organization_id, role)
);
CREATE INDEX reorganization_node_by_org ON reorganization_node (organization_id);

-- predecessor → successor (MERGE: every source → the target; SPLIT: the source → every target).
CREATE TABLE organization_lineage (
    reorganization_id uuid NOT NULL REFERENCES reorganization (id),
    predecessor_id    uuid NOT NULL REFERENCES organization (id),
    successor_id      uuid NOT NULL REFERENCES organization (id),
    PRIMARY KEY (reorganization_id, predecessor_id, successor_id)
);
CREATE INDEX organization_lineage_by_successor ON organization_lineage (successor_id);
CREATE INDEX organization_lineage_by_predecessor ON organization_lineage (predecessor_id);

-- Tree walks go parent → children on one day: the covering index lets a subtree of ~10,000 nodes be read
-- from the index alone (validity tested in the index, the row fetched only for the page shown).
CREATE INDEX organization_version_children ON organization_version (parent_id, valid_from)
    INCLUDE (organization_id, valid_to);
DROP INDEX organization_version_by_parent;
