package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationStatus;
import vn.partydev.organization.domain.OrganizationType;
import vn.partydev.organization.domain.SearchText;
import vn.partydev.organization.messaging.OrganizationEvents;
import vn.partydev.organization.persistence.OrganizationEntity;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.OrganizationVersionEntity;
import vn.partydev.organization.persistence.TransactionLocks;
import vn.partydev.organization.security.OrganizationScope;

/** Establishes an organization (thành lập tổ chức đảng) under a parent, with its decision, and announces it. */
@ApplicationScoped
public class EstablishOrganization {

    @Inject
    TransactionLocks locks;

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationScope scope;

    @Inject
    OrganizationEvents events;

    public record Command(String code, String name, OrganizationType type, OrganizationKind kind, UUID parentId,
                          LocalDate establishedOn, Decision decision) {
    }

    @Transactional
    public OrganizationEntity establish(Command command) {
        String code = SearchText.nfc(command.code());
        String name = SearchText.nfc(command.name());
        List<Violation> violations = new ArrayList<>();
        LocalDate today = LocalDate.now();

        if (command.parentId() == null) {
            if (!scope.isNational()) {
                throw new ApiException(403, "NATIONAL_SCOPE_REQUIRED", Text.of("Không có quyền", "Forbidden"),
                        Text.of("Chỉ quản trị viên toàn quốc được lập tổ chức cấp cao nhất.",
                                "Only a national administrator may establish a top node."), null);
            }
            if (!command.type().isTopNode()) {
                violations.add(placement(command.type(), null));
            }
        } else {
            scope.requireVisible(command.parentId(), command.establishedOn());
            Optional<OrganizationVersionEntity> parent = organizations.versionOn(command.parentId(),
                    command.establishedOn());
            if (parent.isEmpty() || parent.get().status != OrganizationStatus.ACTIVE) {
                violations.add(Violation.ofRule("PARENT_ACTIVE", Text.of(
                                "Tổ chức cấp trên không tồn tại hoặc đã giải thể vào ngày " + command.establishedOn() + ".",
                                "The parent organization did not exist or was dissolved on " + command.establishedOn() + "."),
                        Map.of("parentId", command.parentId(), "establishedOn", command.establishedOn())));
            } else if (!command.type().mayStandUnder(parent.get().type)) {
                violations.add(placement(command.type(), parent.get().type));
            }
        }
        if (command.establishedOn().isAfter(today)) {
            violations.add(future("establishedOn", command.establishedOn()));
        }
        if (command.decision().date().isAfter(today)) {
            violations.add(future("decision.date", command.decision().date()));
        }
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }
        locks.siblingCodes(command.parentId());
        if (organizations.codeTakenAmongSiblings(command.parentId(), code, command.establishedOn())) {
            throw ApiException.conflict("DUPLICATE_CODE", Text.of(
                    "Mã '" + code + "' đã được dùng bởi một tổ chức cùng cấp.",
                    "Code '" + code + "' is already used by a sibling organization."));
        }

        OrganizationEntity organization = new OrganizationEntity();
        organization.id = UUID.randomUUID();
        organization.establishedOn = command.establishedOn();
        organization.persist();

        OrganizationVersionEntity version = new OrganizationVersionEntity();
        version.organizationId = organization.id;
        version.validFrom = command.establishedOn();
        version.code = code;
        version.name = name;
        version.nameSearch = SearchText.fold(name);
        version.type = command.type();
        version.kind = command.kind();
        version.parentId = command.parentId();
        version.status = OrganizationStatus.ACTIVE;
        version.decision(command.decision());
        version.persist();

        events.established(organization, version);
        return organization;
    }

    private static Violation placement(OrganizationType type, OrganizationType parentType) {
        String under = parentType == null ? "không có cấp trên" : "dưới " + parentType;
        String underEn = parentType == null ? "without a parent" : "under " + parentType;
        return Violation.ofRule("ORGANIZATION_PLACEMENT",
                Text.of("Loại " + type + " không được đặt " + under + ".", "Type " + type + " cannot stand " + underEn + "."),
                Map.of("type", type, "parentType", parentType == null ? "NONE" : parentType,
                        "allowedParents", type.allowedParents()));
    }

    private static Violation future(String field, LocalDate date) {
        return new Violation("DATE_IN_FUTURE", field, "Ngày " + date + " ở tương lai.",
                "Date " + date + " is in the future.", Map.of(field, date));
    }
}
