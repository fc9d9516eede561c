package vn.partydev.candidate.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partydev.candidate.domain.VerificationResult;

/**
 * The body of {@code POST /api/v1/candidates/{id}/actions/{action}}: the common fields (date, decision, votes,
 * note) and each action's own evidence (api.md "Actions"). Which fields an action needs is checked by
 * {@link ActionRequests}.
 */
@Schema(name = "CandidateAction")
public record ActionRequest(
        @Schema(examples = "2024-03-05", description = "Ngày của bước (ngày họp, ngày quyết định, ngày lễ kết nạp…)")
        LocalDate date,
        @Valid DecisionDto decision,
        @Valid VotesDto votes,
        @Size(max = 2000) String note,
        @Size(max = 100) String certificateNumber,
        LocalDate certificateDate,
        UUID trainingClassId,
        @Schema(description = "Ngày đơn 1-KNĐ (mặc định: date)") LocalDate applicationDate,
        @Schema(description = "Ngày lý lịch 2-KNĐ (mặc định: date)") LocalDate recordDate,
        @Valid @Size(max = 5) List<IntroducerDto> introducers,
        Boolean youthUnionCommittee,
        VerificationResult result,
        @Size(max = 300) String certifyingCommittee,
        @Valid @Size(max = 10) List<HelperDto> helpers,
        @Schema(description = "record-admission-decision: thời hạn được gia hạn thêm 30 ngày làm việc") Boolean extension,
        @Schema(description = "record-cell-resolution của người trên 60 tuổi: văn bản đồng ý của cấp ủy trực thuộc TW")
        @Valid DecisionDto provincialApproval,
        @Schema(description = "record-cell-resolution: ghi nhận biểu quyết không đạt 2/3 (CellResolutionFailed) thay vì từ chối")
        Boolean recordFailedVote,
        @Schema(description = "override: mã quy định được vượt") @Size(max = 50) String rule,
        @Schema(description = "override: lý do bằng văn bản") @Size(max = 2000) String reason,
        @Schema(description = "override: bước được thực hiện") @Size(max = 50) String action,
        @Schema(description = "override: nội dung của bước") JsonNode payload) {

    /** A document: number–symbol, date, issuer. */
    public record DecisionDto(@NotBlank @Size(max = 100) String number, @NotNull LocalDate date,
                              @NotBlank @Size(max = 300) String issuer) {
    }

    /** A vote tally; {@code for} is a Java keyword, hence the name in code. */
    public record VotesDto(@NotNull @Min(0) Integer eligible, @NotNull @Min(0) Integer present,
                           @JsonProperty("for") @NotNull @Min(0) Integer inFavour,
                           @NotNull @Min(0) Integer against) {
    }

    public record IntroducerDto(@NotNull UUID memberId, LocalDate coWorkingSince, Boolean replacement) {
    }

    public record HelperDto(@NotNull UUID memberId) {
    }
}
