package vn.partydev.reporting.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * reporting-service's copy of the organization tree (table {@code organization_replica}), one row per
 * version of a node. Kept from events only (ReportProjector); never written by the API.
 */
@ApplicationScoped
public class OrganizationReplica {

    @Inject
    EntityManager em;

    /** A node's attributes on one day. */
    public record Node(UUID id, String code, String name, String type, String kind, UUID parentId, String status) {
    }

    @Transactional
    public Optional<Node> on(UUID id, LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT organization_id, code, name, type, kind, parent_id, status "
                        + "FROM organization_replica WHERE organization_id = ?1 AND valid_from <= ?2 "
                        + "AND (valid_to IS NULL OR valid_to >= ?2)")
                .setParameter(1, id).setParameter(2, date).getResultList();
        return rows.stream().findFirst().map(r -> new Node((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (UUID) r[5], (String) r[6]));
    }
}
