package vn.partydev.candidate.application.training;

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
import vn.partydev.candidate.domain.TrainingKind;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.OrganizationTree;
import vn.partydev.candidate.persistence.TrainingClassEntity;
import vn.partydev.candidate.persistence.TrainingEnrollmentEntity;
import vn.partydev.candidate.security.CandidateScope;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;

/** Reads training classes whose organizing committee is inside the caller's scope. */
@ApplicationScoped
public class TrainingClassQueries {

    public static final Map<String, String> SORTABLE = Map.of("startDate", "start_date", "name", "name",
            "createdAt", "created_at");

    @Inject
    EntityManager em;

    @Inject
    CandidateScope scope;

    @Inject
    TrainingClassAccess access;

    /** A class with its trainees. */
    public record Detail(TrainingClassEntity trainingClass, List<Trainee> trainees) {
    }

    /** One enrolment as read back: who, where, in which stage now, and the certificate once completed. */
    public record Trainee(TrainingEnrollmentEntity enrollment, CandidateEntity candidate) {
    }

    public record Filter(UUID organizationId, TrainingKind kind, Integer year) {
    }

    @Transactional
    public Detail get(UUID id) {
        TrainingClassEntity tc = access.visible(id);
        List<TrainingEnrollmentEntity> enrollments = em.createQuery("FROM TrainingEnrollmentEntity e "
                        + "WHERE e.key.trainingClassId = ?1 ORDER BY e.enrolledAt, e.key.candidateId",
                TrainingEnrollmentEntity.class).setParameter(1, id).getResultList();
        List<Trainee> trainees = enrollments.stream()
                .map(e -> new Trainee(e, em.find(CandidateEntity.class, e.key.candidateId()))).toList();
        return new Detail(tc, trainees);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<TrainingClassEntity> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        scope.requireVisibleFilter(filter.organizationId());
        scope.root().ifPresent(root -> {
            where.append(" AND t.organization_id IN (").append(OrganizationTree.subtreeSql(":scopeRoot", ":today"))
                    .append(")");
            params.put("scopeRoot", root);
            params.put("today", LocalDate.now());
        });
        if (filter.organizationId() != null) {
            where.append(" AND t.organization_id IN (").append(OrganizationTree.subtreeSql(":orgRoot", ":today"))
                    .append(")");
            params.put("orgRoot", filter.organizationId());
            params.put("today", LocalDate.now());
        }
        if (filter.kind() != null) {
            where.append(" AND t.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.year() != null) {
            where.append(" AND t.start_date >= :yearFrom AND t.start_date < :yearTo");
            params.put("yearFrom", LocalDate.of(filter.year(), 1, 1));
            params.put("yearTo", LocalDate.of(filter.year() + 1, 1, 1));
        }
        Query count = em.createNativeQuery("SELECT count(*) FROM training_class t" + where);
        Query select = em.createNativeQuery("SELECT t.* FROM training_class t" + where + " ORDER BY t."
                + SORTABLE.get(page.sortField()) + (page.ascending() ? " ASC" : " DESC") + ", t.id",
                TrainingClassEntity.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<TrainingClassEntity> items = new ArrayList<>(select.setFirstResult(page.offset())
                .setMaxResults(page.size()).getResultList());
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Enrolled and completed counts per class, for list items. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<UUID, int[]> counts(List<UUID> classIds) {
        Map<UUID, int[]> counts = new LinkedHashMap<>();
        if (classIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT training_class_id, count(*), count(completed_at) "
                + "FROM training_enrollment WHERE training_class_id IN (?1) GROUP BY training_class_id")
                .setParameter(1, classIds).getResultList();
        rows.forEach(r -> counts.put((UUID) r[0], new int[] {((Number) r[1]).intValue(), ((Number) r[2]).intValue()}));
        return counts;
    }
}
