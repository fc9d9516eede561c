package vn.partydev.organization.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partydev.organization.domain.ReorganizationKind;

/** Where an organization came from and what it became (GET /organizations/{id}/lineage). */
public record LineageView(List<Entry> predecessors, List<Entry> successors) {

    /** One organization on the other side of a reorganization, named as it was on that side. */
    public record Entry(UUID id, String name, ReorganizationKind kind, LocalDate effectiveOn, DecisionDto decision) {
    }
}
