package vn.partydev.candidate.domain;

/** Lĩnh vực công tác (2-KNĐ, thống kê 11-HD/BTCTW) (api.md "Candidate"). */
public enum Sector {
    STATE_AGENCY, PUBLIC_SERVICE, STATE_ENTERPRISE, PRIVATE_ENTERPRISE, FARMER, WORKER, STUDENT, ARMED_FORCES, OTHER
}
