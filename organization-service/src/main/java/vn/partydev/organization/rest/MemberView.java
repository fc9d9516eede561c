package vn.partydev.organization.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partydev.organization.domain.AffiliationKind;
import vn.partydev.organization.domain.MemberStatus;

/**
 * A member as the API answers it. {@code organizationId} is the home chi bộ (đảng số) today; {@code status} the
 * status today. In lists {@code citizenId} is masked and the histories are left out. Members that came from
 * candidate-service's events have no {@code fullName}, {@code dateOfBirth} or {@code citizenId}, only
 * {@code candidateId}.
 */
@Schema(name = "Member")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberView(UUID id, long version, UUID organizationId, String fullName, LocalDate dateOfBirth,
                         Integer birthYear, String gender, String citizenId, MemberStatus status,
                         LocalDate admittedOn, LocalDate officialOn, UUID candidateId,
                         TemporaryTransfer temporaryTransfer, List<StatusPeriod> statusHistory,
                         List<Affiliation> affiliations) {

    /** Where the member is hosted on a temporary transfer today. */
    public record TemporaryTransfer(UUID organizationId, LocalDate from, LocalDate until) {
    }

    /** One status over [from, to] (to inclusive, null = open). */
    public record StatusPeriod(MemberStatus status, LocalDate from, LocalDate to) {
    }

    /** One home or temporary affiliation over [from, to], with its decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Affiliation(UUID organizationId, AffiliationKind kind, LocalDate from, LocalDate to,
                              DecisionDto decision) {
    }
}
