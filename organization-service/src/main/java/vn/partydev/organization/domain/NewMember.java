package vn.partydev.organization.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An existing party member entered into the roster (nhập danh sách đảng viên hiện có): where they are active,
 * who they are, and their status with its dates. {@code statusSince} dates a status other than PROBATIONARY
 * (from {@code admittedOn}) or OFFICIAL (from {@code officialOn}).
 */
public record NewMember(UUID organizationId, String fullName, LocalDate dateOfBirth, Gender gender, String citizenId,
                        MemberStatus status, LocalDate admittedOn, LocalDate officialOn, LocalDate statusSince) {
}
