package vn.partydev.organization.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /reorganizations/batch: the reorganizations one resolution makes, applied together or not at all. */
@Schema(name = "ReorganizationBatch", description = "Nhiều sắp xếp tổ chức theo một nghị quyết, cùng thành công hoặc cùng không")
public record ReorganizationBatchRequest(
        @Schema(description = "Các sắp xếp, áp dụng theo thứ tự") @NotNull @Size(min = 1, max = 500)
        List<@NotNull @Valid ReorganizationRequest> reorganizations) {
}
