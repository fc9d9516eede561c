package vn.partydev.candidate.domain;

/** Trình độ chuyên môn nghiệp vụ (api.md "Candidate"). */
public enum ProfessionalEducation {
    NONE, VOCATIONAL, INTERMEDIATE, COLLEGE, UNIVERSITY, MASTER, DOCTOR
}
