package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.persistence.OrganizationEntity;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.OrganizationVersionEntity;
import vn.partydev.organization.security.OrganizationScope;

/**
 * Changes to an organization over time, without rewriting history: a change effective on day D closes the
 * latest version on D−1 and opens a new one from D. So a change may only take effect after the latest
 * version began (an earlier day would rewrite a recorded past), and never after the organization ended.
 */
@ApplicationScoped
public class OrganizationTimeline {

    @Inject
    OrganizationRepository organizations;

    /** Why a change of {@code id} effective {@code from} may not be made; empty when it may. */
    public List<Violation> whyNotChangeable(UUID id, LocalDate from, String field) {
        return whyNotChangeable(id, organizations.latestVersion(id).orElse(null), from, field);
    }

    /** {@link #whyNotChangeable(UUID, LocalDate, String)} for a latest version already read (set-based checks). */
    public List<Violation> whyNotChangeable(UUID id, OrganizationVersionEntity version, LocalDate from, String field) {
        List<Violation> violations = new ArrayList<>();
        if (version == null) {
            return violations;
        }
        if (version.validTo != null && version.validTo.isBefore(from)) {
            violations.add(new Violation("ORGANIZATION_ENDED", field,
                    "Tổ chức " + version.name + " đã kết thúc ngày " + version.validTo
                            + "; không thể thay đổi sau khi đã giải thể hoặc hợp nhất.",
                    "Organization " + version.name + " ended on " + version.validTo
                            + "; nothing changes it after its end.",
                    Map.of("organizationId", id, "endedOn", version.validTo, field, from)));
        } else if (!from.isAfter(version.validFrom)) {
            violations.add(new Violation("HISTORY_IS_NOT_REWRITTEN", field,
                    "Ngày hiệu lực " + from + " phải sau ngày bắt đầu của phiên bản hiện tại (" + version.validFrom
                            + ") của " + version.name + "; lịch sử không bị viết lại.",
                    "The effective date " + from + " must be after the current version of " + version.name
                            + " began (" + version.validFrom + "); history is never rewritten.",
                    Map.of("organizationId", id, "currentValidFrom", version.validFrom, field, from)));
        }
        return violations;
    }

    /**
     * Closes the latest version on {@code from − 1} and opens a copy from {@code from}, changed by
     * {@code change} and carrying {@code decision}. Callers have checked {@link #whyNotChangeable}.
     */
    public OrganizationVersionEntity openVersion(UUID id, LocalDate from, Decision decision,
                                                 Consumer<OrganizationVersionEntity> change) {
        OrganizationVersionEntity current = organizations.latestVersion(id).orElseThrow(() -> OrganizationScope.notFound(id));
        requireChangeable(id, from);
        OrganizationVersionEntity next = new OrganizationVersionEntity();
        next.organizationId = id;
        next.validFrom = from;
        next.validTo = current.validTo;
        next.code = current.code;
        next.name = current.name;
        next.nameSearch = current.nameSearch;
        next.type = current.type;
        next.kind = current.kind;
        next.parentId = current.parentId;
        next.status = current.status;
        next.decision(decision);
        change.accept(next);
        current.validTo = from.minusDays(1);
        next.persist();
        return next;
    }

    /** Ends the organization: its last day is {@code effectiveOn − 1}. Answers its last version. */
    public OrganizationVersionEntity end(OrganizationEntity organization, LocalDate effectiveOn) {
        requireChangeable(organization.id, effectiveOn);
        OrganizationVersionEntity current = organizations.latestVersion(organization.id).orElseThrow();
        current.validTo = effectiveOn.minusDays(1);
        organization.endedOn = current.validTo;
        return current;
    }

    private void requireChangeable(UUID id, LocalDate from) {
        List<Violation> violations = whyNotChangeable(id, from, "effectiveOn");
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }
    }

    static Violation futureDecision(String field, LocalDate date) {
        return new Violation("DATE_IN_FUTURE", field, "Ngày " + date + " ở tương lai.",
                "Date " + date + " is in the future.", Map.of(field, date));
    }

    static ApiException duplicateCode(String code) {
        return ApiException.conflict("DUPLICATE_CODE", Text.of(
                "Mã '" + code + "' đã được dùng bởi một tổ chức cùng cấp.",
                "Code '" + code + "' is already used by a sibling organization."));
    }
}
