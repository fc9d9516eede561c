package vn.partydev.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.reporting.projection.TreeRestatement;

/** The newest name of each organization in the replica ("Toàn quốc" for the nation). */
@ApplicationScoped
public class OrganizationNames {

    @Inject
    EntityManager em;

    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (organization_id) organization_id, name "
                        + "FROM organization_replica WHERE organization_id = ANY(?1) "
                        + "ORDER BY organization_id, valid_from DESC")
                .setParameter(1, ids.toArray(new UUID[0])).getResultList();
        for (Object[] r : rows) {
            names.put((UUID) r[0], (String) r[1]);
        }
        if (ids.contains(TreeRestatement.NATION)) {
            names.put(TreeRestatement.NATION, "Toàn quốc");
        }
        return names;
    }

    public String name(UUID id) {
        String name = names(List.of(id)).get(id);
        return name == null ? id.toString() : name;
    }
}
