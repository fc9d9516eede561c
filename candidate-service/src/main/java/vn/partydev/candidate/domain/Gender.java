package vn.partydev.candidate.domain;

/** Giới tính (api.md "Candidate"). */
public enum Gender {
    MALE, FEMALE
}
