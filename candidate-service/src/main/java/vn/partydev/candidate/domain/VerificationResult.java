package vn.partydev.candidate.domain;

/** Kết quả thẩm tra lý lịch (2-KNĐ mục 26): đủ hoặc không đủ điều kiện để xem xét kết nạp. */
public enum VerificationResult {
    QUALIFIED, NOT_QUALIFIED
}
