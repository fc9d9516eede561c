package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.IfMatch;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.messaging.AdmissionTargetEvents;
import vn.partydev.organization.persistence.AdmissionTargetEntity;
import vn.partydev.organization.persistence.OrganizationEntity;
import vn.partydev.organization.persistence.TransactionLocks;
import vn.partydev.organization.security.OrganizationScope;

/**
 * Sets (or replaces) the admission target (chỉ tiêu kết nạp đảng viên) of an organization for a year, with the
 * resolution that set it (the congress or annual resolution), and announces it as {@code AdmissionTargetSet}.
 */
@ApplicationScoped
public class SetAdmissionTarget {

    public static final int FIRST_YEAR = 1930;
    public static final int YEARS_AHEAD = 5;

    @Inject
    OrganizationScope scope;

    @Inject
    TransactionLocks locks;

    @Inject
    AdmissionTargetEvents events;

    @Transactional
    public AdmissionTargetEntity set(UUID organizationId, int year, int admissions, Decision resolution,
                                     String ifMatch) {
        OrganizationEntity organization = OrganizationEntity.findById(organizationId);
        if (organization == null) {
            throw OrganizationScope.notFound(organizationId);
        }
        scope.requireVisible(organizationId, dayOf(organization, year));
        if (resolution.date().isAfter(LocalDate.now())) {
            throw ApiException.ruleViolation(List.of(new Violation("DATE_IN_FUTURE", "resolution.date",
                    "Ngày nghị quyết ở tương lai.", "The resolution date is in the future.",
                    Map.of("date", resolution.date()))));
        }
        if (organization.establishedOn.getYear() > year
                || (organization.endedOn != null && organization.endedOn.getYear() < year)) {
            throw ApiException.ruleViolation(List.of(Violation.ofRule("TARGET_YEAR_OUTSIDE_LIFE", Text.of(
                    "Tổ chức không tồn tại trong năm " + year + ".",
                    "The organization did not exist in " + year + "."),
                    Map.of("year", year, "establishedOn", organization.establishedOn))));
        }
        locks.targetOf(organizationId, year); // two PUTs at once: the second replaces the first's (ADR 0116)
        AdmissionTargetEntity target = AdmissionTargetEntity.findById(new AdmissionTargetEntity.Key(organizationId, year));
        if (target == null) {
            if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
                throw ApiException.preconditionFailed(Text.of("Chưa có chỉ tiêu năm " + year + ".",
                        "There is no target for " + year + " yet."));
            }
            target = new AdmissionTargetEntity();
            target.organizationId = organizationId;
            target.year = year;
            target.admissions = admissions;
            target.resolution(resolution);
            target.persist();
        } else {
            IfMatch.check(ifMatch, target.version);
            target.admissions = admissions;
            target.resolution(resolution);
        }
        AdmissionTargetEntity.getEntityManager().flush();
        events.targetSet(target);
        return target;
    }

    /** A day of the year on which to judge scope: the last day of the year, or today for the current year. */
    static LocalDate dayOf(OrganizationEntity organization, int year) {
        LocalDate day = LocalDate.of(year, 12, 31);
        if (day.isAfter(LocalDate.now())) {
            day = LocalDate.now();
        }
        if (organization.endedOn != null && day.isAfter(organization.endedOn)) {
            day = organization.endedOn;
        }
        if (day.isBefore(organization.establishedOn)) {
            day = organization.establishedOn;
        }
        return day;
    }
}
