package vn.partydev.organization.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationStatus;
import vn.partydev.organization.domain.OrganizationType;

/**
 * Set-based writes on the tree for reorganizations that move many nodes at once (ADR 0060): a constant number
 * of statements per reorganization instead of ~8 per moved child. The rows written are exactly those the
 * one-by-one path writes (close the latest version the day before, open a copy under the new parent, bump the
 * organization's version), so history, ETags and events stay the same.
 */
@ApplicationScoped
public class TreeWrites {

    @Inject
    EntityManager em;

    /** A node a set-based re-parenting moved: its new version and its organization's life span and version. */
    public record Moved(UUID organizationId, String code, String name, OrganizationType type, OrganizationKind kind,
                        UUID parentId, OrganizationStatus status, LocalDate establishedOn, LocalDate endedOn,
                        LocalDate validFrom, LocalDate validTo, Decision decision, long version) {
    }

    /**
     * Locks the organizations (in id order, so two reorganizations never deadlock on them) until the
     * transaction ends. Call before re-reading their latest versions for the final check.
     */
    public void lock(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("SELECT o.id FROM organization o WHERE o.id = ANY(" + uuids(1) + ") ORDER BY o.id FOR UPDATE")
                .setParameter(1, joined(ids)).getResultList();
    }

    /**
     * Re-parents every one of {@code ids} under {@code newParent} from {@code on}, in ONE statement: each latest
     * version is closed on {@code on − 1} and a copy carrying {@code decision} opens from {@code on} (until the
     * old row's end), and each organization's version (ETag) is bumped. The rows must be locked
     * ({@link #lock}) and checked changeable on {@code on}. Answers the new versions in the order of {@code ids}.
     */
    public List<Moved> reparent(List<UUID> ids, UUID newParent, LocalDate on, Decision decision) {
        if (ids.isEmpty()) {
            return List.of();
        }
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH ids AS (
                    SELECT id, n FROM unnest(%s) WITH ORDINALITY AS i(id, n)
                ), latest AS (
                    SELECT DISTINCT ON (v.organization_id) v.* FROM organization_version v
                    WHERE v.organization_id IN (SELECT id FROM ids) ORDER BY v.organization_id, v.valid_from DESC
                ), bumped AS (
                    UPDATE organization o SET version = o.version + 1 WHERE o.id IN (SELECT id FROM ids)
                    RETURNING o.id, o.version, o.established_on, o.ended_on
                ), closed AS (
                    UPDATE organization_version c SET valid_to = CAST(?3 AS date) - 1 FROM latest WHERE c.id = latest.id
                    RETURNING c.id
                ), opened AS (
                    INSERT INTO organization_version (organization_id, valid_from, valid_to, code, name, name_search, type,
                                                      kind, parent_id, status, decision_number, decision_date, decision_issuer)
                    SELECT organization_id, CAST(?3 AS date), valid_to, code, name, name_search, type, kind, CAST(?2 AS uuid),
                           status, ?4, CAST(?5 AS date), ?6
                    FROM latest
                    RETURNING organization_id, code, name, type, kind, parent_id, status, valid_from, valid_to,
                              decision_number, decision_date, decision_issuer
                )
                SELECT opened.organization_id, opened.code, opened.name, opened.type, opened.kind, opened.parent_id,
                       opened.status, bumped.established_on, bumped.ended_on, opened.valid_from, opened.valid_to,
                       opened.decision_number, opened.decision_date, opened.decision_issuer, bumped.version,
                       (SELECT count(*) FROM closed)
                FROM opened JOIN bumped ON bumped.id = opened.organization_id JOIN ids ON ids.id = opened.organization_id
                ORDER BY ids.n
                """.formatted(uuids(1)))
                .setParameter(1, joined(ids))
                .setParameter(2, newParent.toString())
                .setParameter(3, on.toString())
                .setParameter(4, decision == null ? null : decision.number())
                .setParameter(5, decision == null || decision.date() == null ? null : decision.date().toString())
                .setParameter(6, decision == null ? null : decision.issuer())
                .getResultList();
        List<Moved> moved = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Decision d = r[11] == null && r[12] == null && r[13] == null ? null
                    : new Decision((String) r[11], NodeRow.date(r[12]), (String) r[13]);
            moved.add(new Moved((UUID) r[0], (String) r[1], (String) r[2], OrganizationType.valueOf((String) r[3]),
                    OrganizationKind.valueOf((String) r[4]), (UUID) r[5], OrganizationStatus.valueOf((String) r[6]),
                    NodeRow.date(r[7]), NodeRow.date(r[8]), NodeRow.date(r[9]), NodeRow.date(r[10]), d,
                    ((Number) r[14]).longValue()));
        }
        if (moved.size() != ids.size()) {
            throw new IllegalStateException("Re-parented " + moved.size() + " of " + ids.size() + " organizations");
        }
        return moved;
    }

    /**
     * A code used by two live organizations under {@code parentId} on {@code on} or later, if any: checked once
     * for a new parent whose children were all just placed (every pair among them is a clash to refuse).
     */
    public Optional<String> clashingCodeUnder(UUID parentId, LocalDate on) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("SELECT min(v.code) FROM organization_version v WHERE v.parent_id = "
                        + "CAST(?1 AS uuid) AND v.status = 'ACTIVE' AND (v.valid_to IS NULL OR v.valid_to >= CAST(?2 AS date)) "
                        + "GROUP BY lower(v.code) HAVING count(DISTINCT v.organization_id) > 1 LIMIT 1")
                .setParameter(1, parentId.toString()).setParameter(2, on.toString()).getResultList();
        return codes.stream().findFirst();
    }

    private static String uuids(int position) {
        return "CAST(string_to_array(?" + position + ", ',') AS uuid[])";
    }

    private static String joined(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
