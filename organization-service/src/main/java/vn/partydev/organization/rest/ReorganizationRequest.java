package vn.partydev.organization.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.organization.application.Reorganize;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationType;
import vn.partydev.organization.domain.ReorganizationKind;

/** POST /reorganizations: one decision, one effective day, one kind of change. */
@Schema(name = "Reorganization", description = "Sắp xếp tổ chức: hợp nhất, chia tách, chuyển, đổi tên, nâng/hạ cấp, giải thể")
public record ReorganizationRequest(
        @NotNull ReorganizationKind kind,
        @Schema(examples = "2025-07-01", description = "Ngày hiệu lực: ngày đầu tiên của cơ cấu mới") @NotNull LocalDate effectiveOn,
        @NotNull @Valid DecisionDto decision,
        @NotNull @Size(min = 1, max = 1000) List<@NotNull UUID> sourceIds,
        @Size(max = 100) List<@NotNull @Valid Target> targets,
        @Schema(description = "MOVE: tổ chức cấp trên mới") UUID newParentId,
        @Schema(description = "RENAME: tên mới; UPGRADE/DOWNGRADE: tên mới (không bắt buộc)") @Size(max = 255) String name) {

    /** A new organization (MERGE: exactly one; SPLIT: two or more, each with its children and members). */
    @Schema(name = "ReorganizationTarget")
    public record Target(
            @NotBlank @Size(max = 50) String code,
            @NotBlank @Size(max = 255) String name,
            @NotNull OrganizationType type,
            @NotNull OrganizationKind kind,
            @Schema(description = "Mặc định: cấp trên của tổ chức nguồn (đầu tiên)") UUID parentId,
            @Size(max = 10000) List<@NotNull UUID> childIds,
            @Size(max = 100000) List<@NotNull UUID> memberIds) {
    }

    /** Which fields each kind needs, checked before the tree is read (400 when missing or out of shape). */
    public List<Violation> shapeViolations() {
        List<Violation> violations = new ArrayList<>();
        int sources = sourceIds.size();
        int targetCount = targets == null ? 0 : targets.size();
        if (new HashSet<>(sourceIds).size() != sources) {
            violations.add(field("DUPLICATE", "sourceIds", "không được lặp lại", "must not repeat"));
        }
        switch (kind) {
            case MERGE -> {
                if (sources < 2) {
                    violations.add(field("SIZE", "sourceIds", "cần ít nhất 2 tổ chức để hợp nhất", "needs at least 2 organizations to merge"));
                }
                if (targetCount != 1) {
                    violations.add(field("SIZE", "targets", "cần đúng 1 tổ chức mới", "needs exactly 1 new organization"));
                }
            }
            case SPLIT -> {
                if (sources != 1) {
                    violations.add(field("SIZE", "sourceIds", "cần đúng 1 tổ chức bị chia tách", "needs exactly 1 organization to split"));
                }
                if (targetCount < 2) {
                    violations.add(field("SIZE", "targets", "cần ít nhất 2 tổ chức mới", "needs at least 2 new organizations"));
                }
            }
            case MOVE -> {
                one(violations, sources);
                if (newParentId == null) {
                    violations.add(field("REQUIRED", "newParentId", "là bắt buộc khi chuyển", "is required to move"));
                }
            }
            case RENAME -> {
                one(violations, sources);
                if (name == null || name.isBlank()) {
                    violations.add(field("REQUIRED", "name", "là bắt buộc khi đổi tên", "is required to rename"));
                }
            }
            case UPGRADE, DOWNGRADE -> one(violations, sources);
            case DISSOLVE -> {
            }
        }
        if (targetCount > 0 && kind != ReorganizationKind.MERGE && kind != ReorganizationKind.SPLIT) {
            violations.add(field("NOT_ALLOWED", "targets", "chỉ dùng cho MERGE và SPLIT", "only for MERGE and SPLIT"));
        }
        return violations;
    }

    public Reorganize.Command toCommand() {
        List<Reorganize.Target> mapped = targets == null ? List.of() : targets.stream()
                .map(t -> new Reorganize.Target(t.code(), t.name(), t.type(), t.kind(), t.parentId(),
                        t.childIds() == null ? List.of() : t.childIds(), t.memberIds() == null ? List.of() : t.memberIds()))
                .toList();
        return new Reorganize.Command(kind, effectiveOn, decision.toDomain(), sourceIds, mapped, newParentId, name);
    }

    private static void one(List<Violation> violations, int sources) {
        if (sources != 1) {
            violations.add(field("SIZE", "sourceIds", "cần đúng 1 tổ chức", "needs exactly 1 organization"));
        }
    }

    private static Violation field(String rule, String field, String vi, String en) {
        return Violation.ofField(rule, field, Text.of("Trường '" + field + "' " + vi + ".", "Field '" + field + "' " + en + "."));
    }
}
