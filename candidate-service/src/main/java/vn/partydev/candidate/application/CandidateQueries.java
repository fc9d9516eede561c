package vn.partydev.candidate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.candidate.domain.SearchText;
import vn.partydev.candidate.domain.Stage;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.HistoryEntity;
import vn.partydev.candidate.persistence.OrganizationTree;
import vn.partydev.candidate.security.CandidateScope;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;

/** Reads candidates inside the caller's scope: one by id, a filtered page, a history. */
@ApplicationScoped
public class CandidateQueries {

    /** Sort fields the list accepts, and their columns. */
    public static final Map<String, String> SORTABLE = Map.of("fullName", "name_search", "dateOfBirth",
            "date_of_birth", "stage", "stage", "stageSince", "stage_since", "createdAt", "created_at");

    @Inject
    EntityManager em;

    @Inject
    CandidateScope scope;

    @Transactional
    public CandidateEntity get(UUID id) {
        CandidateEntity c = em.find(CandidateEntity.class, id);
        if (c == null || !scope.sees(c.organizationId)) {
            throw CandidateScope.candidateNotFound(id);
        }
        return c;
    }

    @Transactional
    public List<HistoryEntity> history(UUID id) {
        get(id);
        return em.createQuery("FROM HistoryEntity h WHERE h.candidateId = ?1 ORDER BY h.seq", HistoryEntity.class)
                .setParameter(1, id).getResultList();
    }

    /** Filters of the list; null means "any". */
    public record Filter(UUID organizationId, Stage stage, String q, Boolean overdue) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<CandidateEntity> list(Filter filter, PageRequest page) {
        LocalDate today = LocalDate.now();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        scope.requireVisibleFilter(filter.organizationId());
        scope.root().ifPresent(root -> {
            where.append(" AND c.organization_id IN (").append(OrganizationTree.subtreeSql(":scopeRoot", ":today"))
                    .append(")");
            params.put("scopeRoot", root);
        });
        if (filter.organizationId() != null) {
            where.append(" AND c.organization_id IN (").append(OrganizationTree.subtreeSql(":orgRoot", ":today"))
                    .append(")");
            params.put("orgRoot", filter.organizationId());
        }
        if (filter.stage() != null) {
            where.append(" AND c.stage = :stage");
            params.put("stage", filter.stage().name());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" AND c.name_search LIKE :q");
            params.put("q", "%" + SearchText.fold(filter.q()).replace("%", "").replace("_", "") + "%");
        }
        if (filter.overdue() != null) {
            String overdue = "(c.decision_due < :today OR c.ceremony_due < :today OR c.recognition_due < :today "
                    + "OR c.certificate_due < :today)";
            where.append(filter.overdue() ? " AND " + overdue : " AND NOT COALESCE(" + overdue + ", false)");
        }
        Query count = em.createNativeQuery("SELECT count(*) FROM candidate c" + where);
        Query select = em.createNativeQuery("SELECT c.* FROM candidate c" + where + " ORDER BY c."
                + SORTABLE.get(page.sortField()) + (page.ascending() ? " ASC" : " DESC") + ", c.id",
                CandidateEntity.class);
        if (where.indexOf(":today") >= 0) {
            params.put("today", today);
        }
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<CandidateEntity> items = new ArrayList<>(select.setFirstResult(page.offset())
                .setMaxResults(page.size()).getResultList());
        return new Page<>(items, page.page(), page.size(), total);
    }
}
