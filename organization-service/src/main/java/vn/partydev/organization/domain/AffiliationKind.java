package vn.partydev.organization.domain;

/**
 * Where a member is active (sinh hoạt đảng), QĐ 294-QĐ/TW §6.3: the chi bộ that holds the member in its đảng số
 * (HOME, moved by an official transfer) and a chi bộ hosting the member on a temporary transfer (TEMPORARY, which
 * does not count in the host's đảng số, §6.3.2).
 */
public enum AffiliationKind {
    HOME, TEMPORARY
}
