package vn.partydev.candidate.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partydev.candidate.domain.TrainingKind;

/** Bodies of the training-class endpoints (api.md "training-classes"). */
public final class TrainingClassRequests {

    private TrainingClassRequests() {
    }

    @Schema(name = "TrainingClassCreate")
    public record Create(
            @NotNull @Schema(description = "AWARENESS (lớp bồi dưỡng nhận thức về Đảng) hoặc NEW_MEMBER (lớp đảng viên mới)")
            TrainingKind kind,
            @NotNull @Schema(description = "Cấp ủy tổ chức lớp") UUID organizationId,
            @NotBlank @Size(max = 300) String name,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotBlank @Size(max = 300) @Schema(description = "Nơi cấp giấy chứng nhận, ví dụ Trung tâm Chính trị")
            String issuer,
            @Valid ActionRequest.DecisionDto decision) {
    }

    @Schema(name = "TrainingEnrollments")
    public record Enroll(@NotEmpty @Size(max = 500) List<@NotNull UUID> candidateIds) {
    }

    @Schema(name = "TrainingCompletions")
    public record Complete(@NotEmpty @Size(max = 500) List<@Valid @NotNull CompletionDto> completions) {
    }

    public record CompletionDto(@NotNull UUID candidateId, @NotBlank @Size(max = 100) String certificateNumber,
                                @NotNull LocalDate certificateDate) {
    }
}
