package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.IfMatch;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.SearchText;
import vn.partydev.organization.messaging.OrganizationEvents;
import vn.partydev.organization.persistence.OrganizationEntity;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.OrganizationVersionEntity;
import vn.partydev.organization.persistence.TransactionLocks;
import vn.partydev.organization.security.OrganizationScope;

/**
 * Changes an organization's name, kind or code from a day on, by a decision (đổi tên, điều chỉnh loại hình):
 * the version in force closes the day before, a new one opens; the past stays as it was.
 */
@ApplicationScoped
public class ChangeOrganization {

    @Inject
    TransactionLocks locks;

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationScope scope;

    @Inject
    OrganizationTimeline timeline;

    @Inject
    OrganizationEvents events;

    /** Null fields stay as they are (JSON merge patch). */
    public record Command(UUID id, String name, OrganizationKind kind, String code, LocalDate effectiveFrom,
                          Decision decision, String ifMatch) {
    }

    @Transactional
    public OrganizationEntity change(Command command) {
        if (organizations.latestVersion(command.id()).isEmpty()) {
            throw OrganizationScope.notFound(command.id());
        }
        scope.requireVisibleEver(command.id());
        OrganizationEntity organization = organizations.lockForUpdate(command.id()).orElseThrow();
        IfMatch.check(command.ifMatch(), organization.version);

        OrganizationVersionEntity current = organizations.latestVersion(command.id()).orElseThrow();
        String name = SearchText.nfc(command.name());
        String code = SearchText.nfc(command.code());
        List<Violation> violations = new ArrayList<>(
                timeline.whyNotChangeable(command.id(), command.effectiveFrom(), "effectiveFrom"));
        boolean changesName = name != null && !name.equals(current.name);
        boolean changesKind = command.kind() != null && command.kind() != current.kind;
        boolean changesCode = code != null && !code.equals(current.code);
        if (!changesName && !changesKind && !changesCode) {
            violations.add(Violation.ofRule("NOTHING_TO_CHANGE", vn.partydev.kit.problem.Text.of(
                            "Yêu cầu không thay đổi tên, loại hình hay mã của tổ chức.",
                            "The request changes neither the name, the kind nor the code."),
                    Map.of("organizationId", command.id())));
        }
        if (command.decision().date().isAfter(LocalDate.now())) {
            violations.add(OrganizationTimeline.futureDecision("decision.date", command.decision().date()));
        }
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }

        organizations.forceIncrement(organization);
        OrganizationVersionEntity next = timeline.openVersion(command.id(), command.effectiveFrom(),
                command.decision(), v -> {
                    if (changesName) {
                        v.name = name;
                        v.nameSearch = SearchText.fold(name);
                    }
                    if (changesKind) {
                        v.kind = command.kind();
                    }
                    if (changesCode) {
                        v.code = code;
                    }
                });
        if (changesCode) {
            locks.siblingCodes(next.parentId);
        }
        organizations.flush();
        if (changesCode && organizations.codeClashes(command.id(), next.parentId, code, command.effectiveFrom())) {
            throw OrganizationTimeline.duplicateCode(code);
        }
        events.changed(organization, next);
        return organization;
    }
}
