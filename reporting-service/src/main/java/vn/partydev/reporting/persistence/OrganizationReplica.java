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
 * version of a node. Kept from events only; never written by the API.
 */
@ApplicationScoped
public class OrganizationReplica {

    @Inject
    EntityManager em;

    /** A node's attributes on one day. */
    public record Node(UUID id, String code, String name, String type, String kind, UUID parentId, String status) {
    }

    /**
     * Records one version of a node. A version that starts later than the one in force closes it on the day
     * before, so the replica keeps the same intervals as the producer.
     */
    public void applyVersion(UUID id, LocalDate validFrom, LocalDate validTo, String code, String name, String type,
                             String kind, UUID parentId, String status, LocalDate establishedOn, LocalDate endedOn,
                             long sourceVersion) {
        em.createNativeQuery("UPDATE organization_replica SET valid_to = ?2 WHERE organization_id = ?1 "
                        + "AND valid_from < ?3 AND (valid_to IS NULL OR valid_to >= ?3)")
                .setParameter(1, id).setParameter(2, validFrom.minusDays(1)).setParameter(3, validFrom)
                .executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO organization_replica (organization_id, valid_from, valid_to, code, name, type, kind,
                            parent_id, status, established_on, ended_on, source_version, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, now())
                        ON CONFLICT (organization_id, valid_from) DO UPDATE SET valid_to = EXCLUDED.valid_to,
                            code = EXCLUDED.code, name = EXCLUDED.name, type = EXCLUDED.type, kind = EXCLUDED.kind,
                            parent_id = EXCLUDED.parent_id, status = EXCLUDED.status,
                            established_on = EXCLUDED.established_on, ended_on = EXCLUDED.ended_on,
                            source_version = EXCLUDED.source_version, updated_at = now()
                        """)
                .setParameter(1, id).setParameter(2, validFrom).setParameter(3, validTo).setParameter(4, code)
                .setParameter(5, name).setParameter(6, type).setParameter(7, kind).setParameter(8, parentId)
                .setParameter(9, status).setParameter(10, establishedOn).setParameter(11, endedOn)
                .setParameter(12, sourceVersion)
                .executeUpdate();
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
