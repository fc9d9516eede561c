package vn.partydev.organization.domain;

/** Which body of the competent organization decides (QĐ 29-QĐ/TW §4.3.2, carried into QĐ 294-QĐ/TW). */
public enum DecidingBody {
    /** Đảng ủy cơ sở được ủy quyền, deciding collectively (≥ 2/3 of its members, HD 06-HD/TW §3.7a). */
    GRASSROOTS_COMMITTEE,
    /** Ban thường vụ of the committee directly above the grassroots organization. */
    STANDING_COMMITTEE,
    /** Thường trực cấp ủy with the standing members heading the departments, of a provincial committee. */
    PROVINCIAL_STANDING_BODY
}
