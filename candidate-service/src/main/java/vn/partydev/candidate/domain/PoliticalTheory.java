package vn.partydev.candidate.domain;

/** Trình độ lý luận chính trị (sơ cấp, trung cấp, cao cấp) (api.md "Candidate"). */
public enum PoliticalTheory {
    NONE, ELEMENTARY, INTERMEDIATE, ADVANCED
}
