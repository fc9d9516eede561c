package vn.partydev.candidate.domain;

/**
 * The stages of the admission pipeline (domain-research §2.4, api.md "Stages"): from quần chúng ưu tú to
 * đảng viên chính thức, and the three ways a file ends.
 */
public enum Stage {
    /** Quần chúng ưu tú. */
    OUTSTANDING_MASS,
    /** Cảm tình Đảng. */
    SYMPATHIZER,
    /** Đã học lớp bồi dưỡng nhận thức về Đảng. */
    TRAINED,
    /** Đơn (1-KNĐ) and lý lịch (2-KNĐ) submitted. */
    APPLIED,
    /** Lý lịch verified and certified (thẩm tra, chứng nhận). */
    VERIFIED,
    /** Chi bộ resolution proposing admission (6-KNĐ). */
    CELL_PROPOSED,
    /** Đảng ủy cơ sở resolution proposing admission (8-KNĐ). */
    GRASSROOTS_PROPOSED,
    /** Quyết định kết nạp issued (9-KNĐ); party age counts from its date. */
    ADMISSION_DECIDED,
    /** Đảng viên dự bị: 12 months from the ceremony. */
    PROBATIONARY,
    /** Đảng viên chính thức. */
    OFFICIAL,
    /** Rút khỏi quy trình. */
    WITHDRAWN,
    /** Không được kết nạp / loại khỏi danh sách. */
    REJECTED,
    /** Xóa tên đảng viên dự bị. */
    REMOVED;

    public boolean isEnded() {
        return this == WITHDRAWN || this == REJECTED || this == REMOVED || this == OFFICIAL;
    }

    /** Before the admission ceremony: the person is not yet a party member. */
    public boolean isBeforeMembership() {
        return ordinal() <= ADMISSION_DECIDED.ordinal();
    }
}
