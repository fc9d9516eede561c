package vn.partydev.candidate.domain;

import java.util.List;

/**
 * What organization-service answered for a step: the number of official members who may vote on the meeting
 * day (headcount {@code eligibleVoters}; null when not asked), the introducers' roster entries, and the body
 * competent to decide admission (authority).
 */
public record OrganizationFacts(Integer eligibleVoters, List<MemberFacts> members, String authorityBody,
                                String authorityBasis) {

    public static final OrganizationFacts NONE = new OrganizationFacts(null, List.of(), null, null);
}
