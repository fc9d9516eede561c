package vn.partydev.candidate.application.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.candidate.domain.Stage;
import vn.partydev.candidate.domain.TrainingKind;
import vn.partydev.candidate.messaging.TrainingClassEvents;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.OrganizationTree;
import vn.partydev.candidate.persistence.TrainingClassEntity;
import vn.partydev.candidate.persistence.TrainingEnrollmentEntity;
import vn.partydev.candidate.security.CandidateScope;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;

/**
 * Enrols candidates in a training class: each must be in the caller's scope (404 otherwise), in the organizing
 * committee's subtree and in the stage that takes that course (cảm tình Đảng for lớp nhận thức, đảng viên dự bị
 * for lớp đảng viên mới, HD 06-HD/TW §3.1 and §3.6). All or none; every refusal at once; already enrolled is 409.
 */
@ApplicationScoped
public class EnrollTrainees {

    @Inject
    EntityManager em;

    @Inject
    TrainingClassAccess access;

    @Inject
    CandidateScope scope;

    @Inject
    OrganizationTree tree;

    @Inject
    TrainingClassEvents events;

    @Transactional
    public TrainingClassEntity enroll(UUID classId, List<UUID> candidateIds) {
        TrainingClassEntity tc = access.visibleForUpdate(classId);
        TrainingKind kind = TrainingKind.valueOf(tc.kind);
        List<Violation> violations = new ArrayList<>();
        List<UUID> already = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < candidateIds.size(); i++) {
            UUID id = candidateIds.get(i);
            CandidateEntity c = em.find(CandidateEntity.class, id);
            if (c == null || !scope.sees(c.organizationId)) {
                throw CandidateScope.candidateNotFound(id);
            }
            String field = "candidateIds[" + i + "]";
            if (em.find(TrainingEnrollmentEntity.class, new TrainingEnrollmentEntity.Key(classId, id)) != null) {
                already.add(id);
                continue;
            }
            if (!Stage.valueOf(c.stage).equals(kind.stage())) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("candidateId", id.toString());
                values.put("stage", c.stage);
                values.put("required", kind.stage().name());
                violations.add(new Violation("TRAINING_STAGE", field,
                        (kind == TrainingKind.AWARENESS ? "Lớp bồi dưỡng nhận thức về Đảng dành cho quần chúng đã là cảm tình Đảng"
                                : "Lớp đảng viên mới dành cho đảng viên dự bị") + "; người này đang ở giai đoạn " + c.stage + ".",
                        "A " + kind + " class is for candidates in stage " + kind.stage() + "; this one is " + c.stage + ".",
                        values));
            }
            boolean underOrganizer = tree.pathUp(c.organizationId, today).stream()
                    .anyMatch(n -> n.id().equals(tc.organizationId));
            if (!underOrganizer) {
                violations.add(new Violation("TRAINING_ORGANIZATION", field,
                        "Người này không thuộc tổ chức đảng mở lớp.",
                        "The candidate is not in the subtree of the organization holding the class.",
                        Map.of("candidateId", id.toString(), "organizationId", tc.organizationId.toString())));
            }
        }
        if (!already.isEmpty()) {
            throw ApiException.conflict("ALREADY_ENROLLED", Text.of(
                    "Đã ghi danh vào lớp này: " + already + ".", "Already enrolled in this class: " + already + "."));
        }
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (UUID id : candidateIds) {
            TrainingEnrollmentEntity e = new TrainingEnrollmentEntity();
            e.key = new TrainingEnrollmentEntity.Key(classId, id);
            e.enrolledAt = now;
            em.persist(e);
        }
        tc.version++;
        events.publish("TraineesEnrolled", tc);
        return tc;
    }
}
