package vn.partydev.organization.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationType;

/** {@code POST /api/v1/organizations}: establish a committee or chi bộ. */
@Schema(name = "EstablishOrganization")
public record EstablishOrganizationRequest(
        @Schema(examples = "TH") @NotBlank @Size(max = 50) String code,
        @Schema(examples = "Đảng bộ xã Tiến Hưng") @NotBlank @Size(max = 255) String name,
        @NotNull OrganizationType type,
        @NotNull OrganizationKind kind,
        @Schema(description = "Tổ chức cấp trên; null chỉ cho đảng bộ tỉnh (PROVINCIAL)") UUID parentId,
        @Schema(examples = "2010-03-10") @NotNull LocalDate establishedOn,
        @NotNull @Valid DecisionDto decision) {
}
