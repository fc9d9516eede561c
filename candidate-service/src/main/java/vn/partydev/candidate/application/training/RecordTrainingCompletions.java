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
import vn.partydev.candidate.application.TakePipelineAction;
import vn.partydev.candidate.domain.ActionCommand;
import vn.partydev.candidate.domain.TrainingKind;
import vn.partydev.candidate.messaging.TrainingClassEvents;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.TrainingClassEntity;
import vn.partydev.candidate.persistence.TrainingEnrollmentEntity;
import vn.partydev.candidate.security.CandidateScope;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;

/**
 * Records who completed a training class: each completion issues the certificate (giấy chứng nhận) by taking
 * the pipeline step complete-awareness-course / complete-new-member-course for that trainee, through the same
 * rules as a single step ({@link TakePipelineAction}). All or none: one refused trainee refuses the batch, and
 * the 422 lists every trainee's violations ({@code completions[i]…}).
 */
@ApplicationScoped
public class RecordTrainingCompletions {

    @Inject
    EntityManager em;

    @Inject
    TrainingClassAccess access;

    @Inject
    CandidateScope scope;

    @Inject
    TakePipelineAction pipeline;

    @Inject
    TrainingClassEvents events;

    public record Completion(UUID candidateId, String certificateNumber, LocalDate certificateDate) {
    }

    @Transactional
    public TrainingClassEntity record(UUID classId, List<Completion> completions) {
        TrainingClassEntity tc = access.visibleForUpdate(classId);
        TrainingKind kind = TrainingKind.valueOf(tc.kind);
        List<Violation> violations = new ArrayList<>();
        List<TakePipelineAction.Batched> steps = new ArrayList<>();
        List<TrainingEnrollmentEntity> enrollments = new ArrayList<>();
        List<UUID> done = new ArrayList<>();
        for (int i = 0; i < completions.size(); i++) {
            Completion completion = completions.get(i);
            CandidateEntity c = em.find(CandidateEntity.class, completion.candidateId());
            if (c == null || !scope.sees(c.organizationId)) {
                throw CandidateScope.candidateNotFound(completion.candidateId());
            }
            String at = "completions[" + i + "]";
            TrainingEnrollmentEntity enrollment = em.find(TrainingEnrollmentEntity.class,
                    new TrainingEnrollmentEntity.Key(classId, c.id));
            if (enrollment == null) {
                violations.add(new Violation("NOT_ENROLLED", at + ".candidateId",
                        "Người này chưa ghi danh vào lớp.", "The candidate is not enrolled in this class.",
                        Map.of("candidateId", c.id.toString())));
                continue;
            }
            if (enrollment.completedAt != null) {
                done.add(c.id);
                continue;
            }
            if (completion.certificateDate().isBefore(tc.startDate)) {
                violations.add(new Violation("DATE_ORDER", at + ".certificateDate",
                        "Giấy chứng nhận cấp trước ngày khai giảng lớp (" + tc.startDate + ").",
                        "The certificate is dated before the class started (" + tc.startDate + ").",
                        Map.of("candidateId", c.id.toString(), "startDate", tc.startDate.toString(),
                                "certificateDate", completion.certificateDate().toString())));
            }
            enrollments.add(enrollment);
            steps.add(new TakePipelineAction.Batched(i, c.id, step(kind, tc, completion)));
        }
        if (!done.isEmpty()) {
            throw ApiException.conflict("ALREADY_COMPLETED", Text.of(
                    "Đã ghi nhận hoàn thành lớp này: " + done + ".", "Completion already recorded: " + done + "."));
        }
        // Every trainee is judged by the pipeline's rules even when an earlier one failed: the answer lists all.
        pipeline.takeAllInCurrentTransaction(steps, "completions", violations);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < enrollments.size(); i++) {
            TrainingEnrollmentEntity e = enrollments.get(i);
            Completion completion = completions.get(steps.get(i).index());
            e.certificateNumber = completion.certificateNumber().strip();
            e.certificateDate = completion.certificateDate();
            e.completedAt = now;
        }
        tc.version++;
        events.publish("TrainingCompletionsRecorded", tc);
        return tc;
    }

    /** The certificate as a pipeline step: dated on the certificate, with the class as evidence. */
    private static TakePipelineAction.Step step(TrainingKind kind, TrainingClassEntity tc, Completion completion) {
        ActionCommand command = new ActionCommand(kind.completion(), completion.certificateDate(), null, null,
                completion.certificateNumber().strip(), completion.certificateDate(), null, null, null, false, null,
                false, null);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("certificateNumber", completion.certificateNumber().strip());
        evidence.put("certificateDate", completion.certificateDate().toString());
        evidence.put("trainingClassId", tc.id.toString());
        evidence.put("issuer", tc.issuer);
        return new TakePipelineAction.Step(command, null, null, evidence, null, null, false);
    }
}
