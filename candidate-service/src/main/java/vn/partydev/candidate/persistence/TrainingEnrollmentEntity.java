package vn.partydev.candidate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One candidate enrolled in a training class, and the certificate once completed. */
@Entity
@Table(name = "training_enrollment")
public class TrainingEnrollmentEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    @Column(name = "enrolled_at")
    public OffsetDateTime enrolledAt;
    @Column(name = "certificate_number")
    public String certificateNumber;
    @Column(name = "certificate_date")
    public LocalDate certificateDate;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /** (class, candidate). */
    @Embeddable
    public record Key(@Column(name = "training_class_id") UUID trainingClassId,
                      @Column(name = "candidate_id") UUID candidateId) implements Serializable {
    }
}
