package vn.partydev.organization.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partydev.organization.domain.Decision;

/** A decision document as the API carries it. */
@Schema(name = "Decision", description = "Văn bản quyết định: số–ký hiệu, ngày, cơ quan ban hành")
public record DecisionDto(
        @Schema(examples = "06-QĐ/ĐUC") @NotBlank @Size(max = 100) String number,
        @Schema(examples = "2010-03-10") @NotNull LocalDate date,
        @Schema(examples = "Đảng ủy Cục Công nghiệp địa phương") @NotBlank @Size(max = 255) String issuer) {

    public Decision toDomain() {
        return new Decision(number.strip(), date, issuer.strip());
    }

    public static DecisionDto of(Decision decision) {
        return decision == null ? null : new DecisionDto(decision.number(), decision.date(), decision.issuer());
    }
}
