package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.organization.domain.ReorganizationKind;
import vn.partydev.organization.security.OrganizationScope;

/** Reads one recorded reorganization; visible when the caller sees one of its sources or targets. */
@ApplicationScoped
public class ReorganizationQueries {

    @Inject
    EntityManager em;

    @Inject
    OrganizationScope scope;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Reorganize.Result get(UUID id) {
        List<?> rows = em.createNativeQuery("SELECT kind, effective_on FROM reorganization WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw notFound(id);
        }
        Object[] row = (Object[]) rows.get(0);
        ReorganizationKind kind = ReorganizationKind.valueOf((String) row[0]);
        LocalDate on = row[1] instanceof LocalDate d ? d : ((java.sql.Date) row[1]).toLocalDate();
        List<UUID> sources = new ArrayList<>();
        List<UUID> targets = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> nodes = em.createNativeQuery("SELECT n.organization_id, n.role FROM reorganization_node n "
                        + "JOIN organization o ON o.id = n.organization_id WHERE n.reorganization_id = ?1 "
                        + "ORDER BY o.created_at, n.organization_id").setParameter(1, id).getResultList();
        for (Object[] node : nodes) {
            ("SOURCE".equals(node[1]) ? sources : targets).add((UUID) node[0]);
        }
        // Reshaping kinds (MOVE, RENAME, UPGRADE, DOWNGRADE) continue the source as their target.
        if (targets.isEmpty() && kind != ReorganizationKind.DISSOLVE && kind != ReorganizationKind.MERGE
                && kind != ReorganizationKind.SPLIT) {
            targets.addAll(sources);
        }
        boolean visible = sources.stream().anyMatch(s -> scope.sees(s, on.minusDays(1)))
                || targets.stream().anyMatch(t -> scope.sees(t, on));
        if (!visible) {
            throw notFound(id);
        }
        // A merger across branches must not name the other branch's organizations to this caller (never reveal
        // what exists outside the scope; lineage leaves them out the same way). Found by ScopeMatrixIT.
        return new Reorganize.Result(id, kind, on,
                sources.stream().filter(s -> scope.sees(s, on.minusDays(1))).toList(),
                targets.stream().filter(t -> scope.sees(t, on)).toList());
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound(Text.of("Không tìm thấy quyết định sắp xếp " + id + ".",
                "No reorganization " + id + "."));
    }
}
