package vn.partydev.organization.domain;

/**
 * A party member's status over an interval (Điều lệ Điều 5; QĐ 294-QĐ/TW §6, §8): dự bị, chính thức, miễn công
 * tác và sinh hoạt đảng, and the ends of membership (xóa tên, khai trừ, ra khỏi Đảng, từ trần). Temporary
 * activity elsewhere (sinh hoạt tạm thời) is not a status but an affiliation, see {@link AffiliationKind}.
 */
public enum MemberStatus {
    /** Đảng viên dự bị: from the ceremony, 12 months; does not vote. */
    PROBATIONARY,
    /** Đảng viên chính thức: from ceremony + 12 months. */
    OFFICIAL,
    /** Official member exempted from party work and activity (miễn công tác và sinh hoạt đảng). */
    EXEMPT,
    /** Xóa tên khỏi danh sách đảng viên (e.g. a probationary member not recognized). */
    REMOVED,
    /** Khai trừ. */
    EXPELLED,
    /** Ra khỏi Đảng. */
    LEFT,
    /** Từ trần. */
    DECEASED;

    /** Whether the person is a party member in this status (counts in đảng số in some way). */
    public boolean isLive() {
        return this == PROBATIONARY || this == OFFICIAL || this == EXEMPT;
    }

    /** Whether the status belongs to an official member (chính thức, possibly exempted). */
    public boolean isOfficialMember() {
        return this == OFFICIAL || this == EXEMPT;
    }
}
