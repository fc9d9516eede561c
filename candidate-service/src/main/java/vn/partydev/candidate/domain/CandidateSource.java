package vn.partydev.candidate.domain;

/** Tổ chức giới thiệu quần chúng ưu tú (QĐ 24-QĐ/TW §3.1) (api.md "Candidate"). */
public enum CandidateSource {
    YOUTH_UNION, TRADE_UNION, WOMEN_UNION, FARMERS_UNION, VETERANS_UNION, FATHERLAND_FRONT, CELL, OTHER
}
