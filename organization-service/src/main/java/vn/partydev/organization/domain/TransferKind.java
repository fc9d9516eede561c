package vn.partydev.organization.domain;

/** Chuyển sinh hoạt đảng chính thức (moves the đảng số) or tạm thời (hosted elsewhere), QĐ 294-QĐ/TW §6.3. */
public enum TransferKind {
    OFFICIAL, TEMPORARY
}
