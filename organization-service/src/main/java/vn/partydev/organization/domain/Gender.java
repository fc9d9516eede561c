package vn.partydev.organization.domain;

/** Giới tính, as on the member's records. */
public enum Gender {
    MALE, FEMALE
}
