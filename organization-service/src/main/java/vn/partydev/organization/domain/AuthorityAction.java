package vn.partydev.organization.domain;

/** The decisions whose competent body is resolved: kết nạp đảng viên and công nhận đảng viên chính thức. */
public enum AuthorityAction {
    ADMISSION, RECOGNITION
}
