package vn.partydev.candidate.domain;

import java.util.UUID;

/**
 * What organization-service says about an introducer today: their status (OFFICIAL, PROBATIONARY, …) and
 * whether they belong to the applicant's chi bộ or its grassroots organization; {@code found} false when the
 * roster has no such member.
 */
public record MemberFacts(UUID memberId, boolean found, String status, boolean sameUnit) {
}
