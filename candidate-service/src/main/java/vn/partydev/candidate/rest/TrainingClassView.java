package vn.partydev.candidate.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.partydev.candidate.application.training.TrainingClassQueries;
import vn.partydev.candidate.persistence.CandidateJson;
import vn.partydev.candidate.persistence.TrainingClassEntity;

/** A training class as answered; {@code enrollments} only on the single read. */
public record TrainingClassView(UUID id, UUID organizationId, String kind, String name, LocalDate startDate,
                                LocalDate endDate, String issuer, Object decision, int enrolled, int completed,
                                List<Enrollment> enrollments, long version) {

    /** One trainee: the candidate, where they are now, and the certificate once completed. */
    public record Enrollment(UUID candidateId, String fullName, UUID organizationId, String stage,
                             OffsetDateTime enrolledAt, boolean completed, String certificateNumber,
                             LocalDate certificateDate) {
    }

    static TrainingClassView summary(TrainingClassEntity c, int enrolled, int completed) {
        return new TrainingClassView(c.id, c.organizationId, c.kind, c.name, c.startDate, c.endDate, c.issuer,
                CandidateJson.read(c.decision), enrolled, completed, null, c.version);
    }

    static TrainingClassView of(TrainingClassQueries.Detail d) {
        TrainingClassEntity c = d.trainingClass();
        List<Enrollment> enrollments = d.trainees().stream().map(t -> new Enrollment(t.candidate().id,
                t.candidate().fullName, t.candidate().organizationId, t.candidate().stage, t.enrollment().enrolledAt,
                t.enrollment().completedAt != null, t.enrollment().certificateNumber,
                t.enrollment().certificateDate)).toList();
        int completed = (int) enrollments.stream().filter(Enrollment::completed).count();
        return new TrainingClassView(c.id, c.organizationId, c.kind, c.name, c.startDate, c.endDate, c.issuer,
                CandidateJson.read(c.decision), enrollments.size(), completed, enrollments, c.version);
    }
}
