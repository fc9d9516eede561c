package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.organization.domain.AffiliationKind;
import vn.partydev.organization.domain.Reorganized;
import vn.partydev.organization.persistence.MemberAffiliationEntity;
import vn.partydev.organization.persistence.MemberMoves;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.RosterRepository;

/**
 * Moves the members of reorganized chi bộ in the reorganization's own transaction: on a MERGE every member of
 * every source goes to the single target from the effective date; on a SPLIT each member goes where the
 * decision assigns them (a member of the source left unassigned refuses the whole split). Members' past stays
 * as it was: intervals are closed and opened, never rewritten.
 */
@ApplicationScoped
public class MoveMembersOnReorganization {

    @Inject
    RosterRepository roster;

    @Inject
    RosterWrites writes;

    @Inject
    OrganizationRepository organizations;

    @Inject
    MemberMoves memberMoves;

    void on(@Observes Reorganized event) {
        switch (event.kind()) {
            case "MERGE" -> merge(event);
            case "SPLIT" -> split(event);
            default -> {
                // MOVE, RENAME, UPGRADE, DOWNGRADE, DISSOLVE keep the chi bộ's identity or have no members to move.
            }
        }
    }

    /** Set-based (ADR 0060): a few statements per merge whatever the number of members. */
    private void merge(Reorganized event) {
        if (event.targetIds().size() != 1) {
            throw new IllegalStateException("A MERGE has exactly one target, got " + event.targetIds());
        }
        UUID target = event.targetIds().get(0);
        if (!memberMoves.anyAt(event.sourceIds(), event.effectiveOn())) {
            return;
        }
        requireCell(target, event);
        memberMoves.merge(event.sourceIds(), target, event.effectiveOn(), event.decision(),
                "MERGE " + event.reorganizationId());
    }

    private void split(Reorganized event) {
        String reason = "SPLIT " + event.reorganizationId();
        Map<UUID, UUID> moves = event.memberMoves() == null ? Map.of() : event.memberMoves();
        List<MemberAffiliationEntity> homes = roster.affiliationsInForceFrom(event.sourceIds(), AffiliationKind.HOME,
                event.effectiveOn());
        List<Violation> violations = new ArrayList<>();
        Set<UUID> membersOfSource = new HashSet<>();
        homes.forEach(a -> membersOfSource.add(a.memberId));
        for (UUID member : membersOfSource) {
            if (!moves.containsKey(member)) {
                violations.add(Violation.ofRule("MEMBER_UNASSIGNED", Text.of(
                        "Đảng viên " + member + " của tổ chức bị chia tách chưa được phân về tổ chức mới nào.",
                        "Member " + member + " of the split organization is not assigned to any target."),
                        Map.of("memberId", member)));
            }
        }
        Set<UUID> targets = new HashSet<>(event.targetIds());
        for (Map.Entry<UUID, UUID> move : moves.entrySet()) {
            if (!membersOfSource.contains(move.getKey())) {
                violations.add(Violation.ofRule("MEMBER_NOT_IN_SOURCE", Text.of(
                        "Đảng viên " + move.getKey() + " không sinh hoạt ở tổ chức bị chia tách vào ngày "
                                + event.effectiveOn() + ".",
                        "Member " + move.getKey() + " is not in the split organization on " + event.effectiveOn() + "."),
                        Map.of("memberId", move.getKey())));
            }
            if (!targets.contains(move.getValue())) {
                violations.add(Violation.ofRule("MEMBER_TARGET_UNKNOWN", Text.of(
                        "Tổ chức " + move.getValue() + " không phải một tổ chức mới của việc chia tách.",
                        "Organization " + move.getValue() + " is not one of the split's targets."),
                        Map.of("memberId", move.getKey(), "organizationId", move.getValue())));
            }
        }
        Map<UUID, Boolean> cellChecked = new HashMap<>();
        for (UUID target : new HashSet<>(moves.values())) {
            if (targets.contains(target) && !cellChecked.containsKey(target)) {
                cellChecked.put(target, true);
                if (!holdsMembers(target, event)) {
                    violations.add(notACell(target));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }
        homes.forEach(a -> writes.move(a, moves.get(a.memberId), event.effectiveOn(), event.decision(), reason));
        // Members hosted by the split chi bộ follow the decision when it names them; otherwise their hosting ends.
        for (MemberAffiliationEntity hosted : roster.affiliationsInForceFrom(event.sourceIds(),
                AffiliationKind.TEMPORARY, event.effectiveOn())) {
            UUID to = moves.get(hosted.memberId);
            if (to != null) {
                writes.move(hosted, to, event.effectiveOn(), event.decision(), reason);
            } else {
                writes.endBefore(hosted, event.effectiveOn());
            }
        }
    }

    private void requireCell(UUID target, Reorganized event) {
        if (!holdsMembers(target, event)) {
            throw ApiException.ruleViolation(List.of(notACell(target)));
        }
    }

    private boolean holdsMembers(UUID target, Reorganized event) {
        return organizations.versionOn(target, event.effectiveOn()).map(v -> v.type.holdsMembers()).orElse(false);
    }

    private static Violation notACell(UUID target) {
        return Violation.ofRule("MEMBERS_NEED_A_CELL", Text.of(
                "Đảng viên chỉ có thể chuyển về một chi bộ; tổ chức " + target + " không phải chi bộ.",
                "Members can only move to a chi bộ; organization " + target + " is not one."),
                Map.of("organizationId", target));
    }
}
