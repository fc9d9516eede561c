package vn.partydev.candidate.application.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.candidate.domain.Decision;
import vn.partydev.candidate.domain.SearchText;
import vn.partydev.candidate.domain.TrainingKind;
import vn.partydev.candidate.messaging.TrainingClassEvents;
import vn.partydev.candidate.persistence.CandidateJson;
import vn.partydev.candidate.persistence.OrganizationReplica;
import vn.partydev.candidate.persistence.TrainingClassEntity;
import vn.partydev.candidate.security.CandidateScope;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;

/**
 * Opens a training class (lớp bồi dưỡng nhận thức về Đảng / lớp đảng viên mới) of a committee in the caller's
 * scope, and announces it (TrainingClassCreated). The same class twice (organization, kind, name, start) is 409.
 */
@ApplicationScoped
public class CreateTrainingClass {

    @Inject
    EntityManager em;

    @Inject
    OrganizationReplica replica;

    @Inject
    CandidateScope scope;

    @Inject
    TrainingClassEvents events;

    public record Command(TrainingKind kind, UUID organizationId, String name, LocalDate startDate, LocalDate endDate,
                          String issuer, Decision decision) {
    }

    @Transactional
    public TrainingClassEntity create(Command command) {
        if (replica.on(command.organizationId(), LocalDate.now()).filter(n -> "ACTIVE".equals(n.status())).isEmpty()
                || !scope.sees(command.organizationId())) {
            throw ApiException.notFound(Text.of("Không tìm thấy tổ chức đảng " + command.organizationId() + ".",
                    "No party organization " + command.organizationId() + "."));
        }
        List<Violation> violations = new ArrayList<>();
        if (command.endDate().isBefore(command.startDate())) {
            violations.add(new Violation("DATE_ORDER", "endDate", "Ngày kết thúc lớp trước ngày khai giảng.",
                    "The class ends before it starts.", Map.of("startDate", command.startDate().toString(),
                    "endDate", command.endDate().toString())));
        }
        if (command.decision() != null && command.decision().date() != null
                && command.decision().date().isAfter(command.startDate())) {
            violations.add(new Violation("DATE_ORDER", "decision.date",
                    "Quyết định mở lớp ghi ngày sau ngày khai giảng.",
                    "The decision opening the class is dated after the class starts.",
                    Map.of("startDate", command.startDate().toString(), "decisionDate", command.decision().date().toString())));
        }
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }
        String name = SearchText.nfc(command.name()).strip();
        Long same = em.createQuery("SELECT count(t) FROM TrainingClassEntity t WHERE t.organizationId = ?1 AND t.kind = ?2 "
                        + "AND t.startDate = ?3 AND t.name = ?4", Long.class)
                .setParameter(1, command.organizationId()).setParameter(2, command.kind().name())
                .setParameter(3, command.startDate()).setParameter(4, name).getSingleResult();
        if (same > 0) {
            throw duplicate();
        }
        TrainingClassEntity c = new TrainingClassEntity();
        c.id = UUID.randomUUID();
        c.organizationId = command.organizationId();
        c.kind = command.kind().name();
        c.name = name;
        c.startDate = command.startDate();
        c.endDate = command.endDate();
        c.issuer = SearchText.nfc(command.issuer()).strip();
        c.decision = command.decision() == null ? null : CandidateJson.write(command.decision());
        c.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        c.createdBy = scope.actor();
        c.version = 0;
        em.persist(c);
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                    throw duplicate(); // the same class opened twice at the same moment: the unique index decides
                }
            }
            throw e;
        }
        events.publish("TrainingClassCreated", c);
        return c;
    }

    private static ApiException duplicate() {
        return ApiException.conflict("DUPLICATE_TRAINING_CLASS", Text.of(
                "Tổ chức này đã mở lớp cùng loại, cùng tên, cùng ngày khai giảng.",
                "This organization already has a class of this kind, name and start date."));
    }
}
