package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every version of every rule, with its parameters, effective date and source text (domain-research §0, §2.3).
 * A new regulation adds a version here with its {@code effectiveFrom}; older steps keep being judged by the
 * version that was in force on their date.
 */
public final class PolicyCatalog {

    static final LocalDate QD_29 = LocalDate.of(2016, 7, 25);
    static final LocalDate QD_24 = LocalDate.of(2021, 7, 30);
    static final LocalDate HD_01_2021 = LocalDate.of(2021, 9, 28);
    static final LocalDate HD_06_2025 = LocalDate.of(2025, 6, 9);
    static final LocalDate QD_294 = LocalDate.of(2025, 7, 1);

    private static final List<PolicyVersion> VERSIONS = List.of(
            v("AGE_WINDOW", "24-QĐ/TW", QD_24, Map.of("minMonths", 216, "maxMonths", 720), "QĐ 24-QĐ/TW §1.1.1"),
            v("AGE_WINDOW", "294-QĐ/TW", QD_294, Map.of("minMonths", 216, "maxMonths", 720),
                    "QĐ 294-QĐ/TW §1.1.1; §1.1.2 (trên 60 tuổi: cấp ủy trực thuộc TW)"),
            v("EDUCATION_MINIMUM", "01-HD/TW-2021", HD_01_2021,
                    Map.of("general", "LOWER_SECONDARY", "difficultArea", "PRIMARY", "villageElder", "LITERACY"),
                    "QĐ 24-QĐ/TW §1.2.1; HD 01-HD/TW (2021)"),
            v("EDUCATION_MINIMUM", "06-HD/TW", HD_06_2025,
                    Map.of("general", "LOWER_SECONDARY", "difficultArea", "PRIMARY", "villageElder", "LITERACY"),
                    "QĐ 294-QĐ/TW §1.2.1; HD 06-HD/TW (2025)"),
            v("AWARENESS_CERTIFICATE_VALID", "01-HD/TW-2021", HD_01_2021, Map.of("validMonths", 60),
                    "HD 01-HD/TW (2021)"),
            v("AWARENESS_CERTIFICATE_VALID", "06-HD/TW", HD_06_2025, Map.of("validMonths", 60), "HD 06-HD/TW §5.4"),
            v("APPLICATION_ORDER", "06-HD/TW", HD_01_2021, Map.of(), "HD 06-HD/TW §3; 12-HD/BTCTW §I.1.4"),
            v("INTRODUCERS", "Điều lệ 2011", QD_29, Map.of("count", 2), "Điều lệ Đảng Điều 4"),
            v("INTRODUCER_CO_WORKING", "24-QĐ/TW", QD_24, Map.of("months", 12), "QĐ 24-QĐ/TW §3.2.1, §3.2.2"),
            v("INTRODUCER_CO_WORKING", "294-QĐ/TW", QD_294, Map.of("months", 12), "QĐ 294-QĐ/TW §3.2.1, §3.2.2"),
            v("VERIFICATION_QUALIFIED", "06-HD/TW", HD_01_2021, Map.of(), "HD 06-HD/TW §3.4"),
            v("CELL_VOTE_THRESHOLD", "06-HD/TW", HD_01_2021, Map.of("numerator", 2, "denominator", 3),
                    "Điều lệ Đảng Điều 4; HD 06-HD/TW §3.6b; QĐ 294-QĐ/TW §9.3.2 (mẫu số)"),
            v("GRASSROOTS_VOTE_THRESHOLD", "06-HD/TW", HD_01_2021, Map.of("numerator", 2, "denominator", 3),
                    "HD 06-HD/TW §3.7a"),
            v("DECISION_DEADLINE", "29-QĐ/TW", QD_29, Map.of("workingDays", 60, "extensionWorkingDays", 30),
                    "QĐ 29-QĐ/TW §4.3.1"),
            v("DECISION_DEADLINE", "294-QĐ/TW", QD_294, Map.of("workingDays", 60, "extensionWorkingDays", 30),
                    "QĐ 232/294-QĐ/TW §4.3.1"),
            v("CEREMONY_DEADLINE", "29-QĐ/TW", QD_29, Map.of("workingDays", 30), "QĐ 29-QĐ/TW §4.1"),
            v("CEREMONY_DEADLINE", "294-QĐ/TW", QD_294, Map.of("workingDays", 30), "QĐ 294-QĐ/TW Điều 5 §4"),
            v("PROBATION_COMPLETE", "Điều lệ 2011", QD_29, Map.of("months", 12), "Điều lệ Đảng Điều 5"),
            v("RECOGNITION_DEADLINE", "29-QĐ/TW", QD_29, Map.of("workingDays", 30), "QĐ 29-QĐ/TW §4.2a"),
            v("RECOGNITION_DEADLINE", "294-QĐ/TW", QD_294, Map.of("workingDays", 30), "QĐ 294-QĐ/TW §4.2"),
            v("RECOGNITION_DECISION_DEADLINE", "29-QĐ/TW", QD_29,
                    Map.of("workingDays", 30, "extensionWorkingDays", 30), "QĐ 29-QĐ/TW §4.3.1"),
            v("RECOGNITION_DECISION_DEADLINE", "294-QĐ/TW", QD_294,
                    Map.of("workingDays", 30, "extensionWorkingDays", 30), "QĐ 232/294-QĐ/TW §4.3.1"),
            v("STAGE_ORDER", "06-HD/TW", QD_29, Map.of(), "HD 06-HD/TW §3 (trình tự kết nạp); QĐ 294-QĐ/TW §4"),
            v("DATE_IN_FUTURE", "api-v1", QD_29, Map.of(), "Quy ước hồ sơ: chỉ ghi nhận việc đã diễn ra"),
            v("DATE_ORDER", "api-v1", QD_29, Map.of(), "Trình tự thời gian của hồ sơ (HD 06-HD/TW §3)"));

    private PolicyCatalog() {
    }

    /**
     * The version of {@code rule} in force on {@code date}. A step older than the first version we hold is
     * judged by the first version (the thresholds have not changed since 2011 for these rules).
     */
    public static PolicyVersion inForce(String rule, LocalDate date) {
        List<PolicyVersion> versions = VERSIONS.stream().filter(p -> p.rule().equals(rule))
                .sorted(Comparator.comparing(PolicyVersion::effectiveFrom)).toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("No policy for rule " + rule);
        }
        Optional<PolicyVersion> latest = versions.stream().filter(p -> !p.effectiveFrom().isAfter(date))
                .reduce((a, b) -> b);
        return latest.orElse(versions.get(0));
    }

    /** The rule codes, in the order of api.md. */
    public static List<String> rules() {
        return VERSIONS.stream().map(PolicyVersion::rule).distinct().toList();
    }

    private static PolicyVersion v(String rule, String version, LocalDate from, Map<String, Object> parameters,
                                   String source) {
        return new PolicyVersion(rule, version, from, parameters, source);
    }
}
