package vn.partydev.organization.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partydev.organization.domain.OrganizationKind;

/** PATCH body (JSON merge patch): the attributes to change, absent ones stay; always a day and a decision. */
@Schema(name = "ChangeOrganization", description = "Đổi tên, loại hình hoặc mã của tổ chức từ một ngày, theo quyết định")
public record ChangeOrganizationRequest(
        @Schema(examples = "Đảng bộ xã Tiến Hưng") @Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*") String name,
        OrganizationKind kind,
        @Schema(examples = "TH") @Size(min = 1, max = 50) @Pattern(regexp = ".*\\S.*") String code,
        @Schema(examples = "2024-01-01") @NotNull LocalDate effectiveFrom,
        @NotNull @Valid DecisionDto decision) {
}
