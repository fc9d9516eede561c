package vn.partydev.candidate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.candidate.domain.Deadline;
import vn.partydev.candidate.domain.Deadlines;
import vn.partydev.candidate.domain.calendar.WorkingDays;
import vn.partydev.candidate.persistence.OrganizationTree;
import vn.partydev.candidate.security.CandidateScope;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;

/**
 * The open deadlines of candidates in the caller's scope (optionally one subtree), due soon or overdue, earliest
 * first. Due dates are kept in columns by every step, so the list is one query however large the province.
 */
@ApplicationScoped
public class DeadlineQueries {

    @Inject
    EntityManager em;

    @Inject
    CandidateScope scope;

    @Inject
    WorkingDays workingDays;

    @Inject
    CandidateConfig config;

    public record Item(UUID candidateId, UUID organizationId, Deadline.Kind kind, LocalDate due,
                       Deadline.Status status) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<Item> list(UUID organizationId, Deadline.Status status, PageRequest page) {
        LocalDate today = LocalDate.now();
        LocalDate soon = workingDays.addWorkingDays(today, config.dueSoonWorkingDays());
        StringBuilder where = new StringBuilder(" WHERE d.due IS NOT NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        scope.requireVisibleFilter(organizationId);
        scope.root().ifPresent(root -> {
            where.append(" AND d.organization_id IN (").append(OrganizationTree.subtreeSql(":scopeRoot", ":today"))
                    .append(")");
            params.put("scopeRoot", root);
        });
        if (organizationId != null) {
            where.append(" AND d.organization_id IN (").append(OrganizationTree.subtreeSql(":orgRoot", ":today"))
                    .append(")");
            params.put("orgRoot", organizationId);
        }
        if (status == Deadline.Status.OVERDUE) {
            where.append(" AND d.due < :today");
        } else if (status == Deadline.Status.DUE_SOON) {
            where.append(" AND d.due >= :today AND d.due <= :soon");
            params.put("soon", soon);
        } else {
            // Without a status: everything that needs attention, overdue or due soon.
            where.append(" AND d.due <= :soon");
            params.put("soon", soon);
        }
        String from = """
                 FROM (SELECT id, organization_id, 'DECISION' AS kind, decision_due AS due FROM candidate
                       UNION ALL SELECT id, organization_id, 'CEREMONY', ceremony_due FROM candidate
                       UNION ALL SELECT id, organization_id, 'RECOGNITION', recognition_due FROM candidate
                       UNION ALL SELECT id, organization_id, 'CERTIFICATE_EXPIRY', certificate_due FROM candidate) d""";
        Query count = em.createNativeQuery("SELECT count(*) " + from + where);
        Query select = em.createNativeQuery("SELECT d.id, d.organization_id, d.kind, d.due " + from + where
                + " ORDER BY d.due, d.id, d.kind");
        if (where.indexOf(":today") >= 0) {
            params.put("today", today);
        }
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<Object[]> rows = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<Item> items = rows.stream().map(r -> {
            LocalDate due = r[3] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[3];
            return new Item((UUID) r[0], (UUID) r[1], Deadline.Kind.valueOf((String) r[2]), due,
                    Deadlines.status(due, false, today, soon));
        }).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
