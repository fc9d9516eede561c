package vn.partydev.organization.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.partydev.kit.problem.Violation;

/**
 * The rules an existing member's record must keep (Điều lệ Điều 1: 18 or older when admitted; Điều lệ Điều 5:
 * probation before official membership; CCCD of 12 digits). Every broken rule is returned, each naming its field
 * under {@code prefix} (e.g. "rows[12]."), so an import reports every bad row at once.
 */
public final class MemberRules {

    public static final int MAX_NAME = 255;
    public static final int MIN_AGE_AT_ADMISSION = 18;

    private MemberRules() {
    }

    /** Điều lệ Điều 1: admitted on or after the 18th birthday; {@code field} names where the violation points. */
    public static java.util.Optional<Violation> ageAtAdmission(LocalDate dateOfBirth, LocalDate admittedOn, String field) {
        if (dateOfBirth == null || admittedOn == null
                || !admittedOn.isBefore(dateOfBirth.plusYears(MIN_AGE_AT_ADMISSION))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Violation("AGE_AT_ADMISSION", field,
                "Ngày kết nạp phải từ khi đủ " + MIN_AGE_AT_ADMISSION + " tuổi (Điều lệ Đảng, Điều 1).",
                "The admission date must be on or after the 18th birthday (Party Charter, Article 1).",
                Map.of("dateOfBirth", dateOfBirth, "admittedOn", admittedOn)));
    }

    public static List<Violation> check(NewMember m, String prefix, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        if (m.organizationId() == null) {
            v.add(required(prefix + "organizationId"));
        }
        if (m.fullName() == null || m.fullName().isBlank()) {
            v.add(required(prefix + "fullName"));
        } else if (m.fullName().length() > MAX_NAME) {
            v.add(new Violation("SIZE", prefix + "fullName", "Họ tên dài quá " + MAX_NAME + " ký tự.",
                    "The full name is longer than " + MAX_NAME + " characters.", null));
        }
        if (m.dateOfBirth() == null) {
            v.add(required(prefix + "dateOfBirth"));
        }
        if (m.gender() == null) {
            v.add(required(prefix + "gender"));
        }
        if (m.citizenId() == null || m.citizenId().isBlank()) {
            v.add(required(prefix + "citizenId"));
        } else if (!CitizenId.isValid(m.citizenId())) {
            // The value itself is personal data: it is not echoed back.
            v.add(new Violation("CITIZEN_ID_FORMAT", prefix + "citizenId", "Số căn cước phải gồm đúng 12 chữ số.",
                    "The citizen id must be exactly 12 digits.", null));
        }
        if (m.status() == null) {
            v.add(required(prefix + "status"));
        }
        if (m.admittedOn() == null) {
            v.add(required(prefix + "admittedOn"));
        }
        future(v, prefix + "dateOfBirth", m.dateOfBirth(), today);
        future(v, prefix + "admittedOn", m.admittedOn(), today);
        future(v, prefix + "officialOn", m.officialOn(), today);
        future(v, prefix + "statusSince", m.statusSince(), today);

        ageAtAdmission(m.dateOfBirth(), m.admittedOn(), prefix + "admittedOn").ifPresent(v::add);
        if (m.status() != null) {
            if (m.status() == MemberStatus.PROBATIONARY && m.officialOn() != null) {
                v.add(new Violation("OFFICIAL_DATE", prefix + "officialOn",
                        "Đảng viên dự bị chưa có ngày chính thức.",
                        "A probationary member has no official date.", null));
            }
            if (m.status().isOfficialMember() && m.officialOn() == null) {
                v.add(new Violation("OFFICIAL_DATE", prefix + "officialOn",
                        "Đảng viên chính thức phải có ngày chính thức.",
                        "An official member needs the official date.", null));
            }
            boolean needsSince = m.status() != MemberStatus.PROBATIONARY && m.status() != MemberStatus.OFFICIAL;
            if (needsSince && m.statusSince() == null) {
                v.add(new Violation("STATUS_SINCE", prefix + "statusSince",
                        "Cần ngày bắt đầu của trạng thái " + m.status() + ".",
                        "The date status " + m.status() + " began is required.", null));
            }
        }
        if (m.admittedOn() != null && m.officialOn() != null && !m.officialOn().isAfter(m.admittedOn())) {
            v.add(order(prefix + "officialOn", "admittedOn", m.admittedOn(), "officialOn", m.officialOn()));
        }
        if (m.statusSince() != null && m.admittedOn() != null && m.statusSince().isBefore(m.admittedOn())) {
            v.add(order(prefix + "statusSince", "admittedOn", m.admittedOn(), "statusSince", m.statusSince()));
        }
        if (m.status() == MemberStatus.EXEMPT && m.statusSince() != null && m.officialOn() != null
                && m.statusSince().isBefore(m.officialOn())) {
            v.add(order(prefix + "statusSince", "officialOn", m.officialOn(), "statusSince", m.statusSince()));
        }
        return v;
    }

    /** The status intervals the record implies, oldest first; the last one is open. */
    public static List<StatusInterval> timeline(NewMember m) {
        List<StatusInterval> intervals = new ArrayList<>();
        intervals.add(new StatusInterval(MemberStatus.PROBATIONARY, m.admittedOn(), null));
        if (m.officialOn() != null) {
            close(intervals, m.officialOn());
            intervals.add(new StatusInterval(MemberStatus.OFFICIAL, m.officialOn(), null));
        }
        if (m.status() != MemberStatus.PROBATIONARY && m.status() != MemberStatus.OFFICIAL) {
            close(intervals, m.statusSince());
            intervals.add(new StatusInterval(m.status(), m.statusSince(), null));
        }
        return intervals;
    }

    /** Ends the last interval the day before {@code next}; drops it if it would be empty. */
    private static void close(List<StatusInterval> intervals, LocalDate next) {
        StatusInterval last = intervals.remove(intervals.size() - 1);
        if (last.from().isBefore(next)) {
            intervals.add(new StatusInterval(last.status(), last.from(), next.minusDays(1)));
        }
    }

    /** One status over [from, to] (to inclusive, null = open). */
    public record StatusInterval(MemberStatus status, LocalDate from, LocalDate to) {
    }

    private static Violation required(String field) {
        return new Violation("REQUIRED", field, "Trường này là bắt buộc.", "This field is required.", null);
    }

    private static void future(List<Violation> v, String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            v.add(new Violation("DATE_IN_FUTURE", field, "Ngày " + date + " ở tương lai.",
                    "Date " + date + " is in the future.", Map.of("date", date)));
        }
    }

    private static Violation order(String field, String earlierName, LocalDate earlier, String laterName,
                                   LocalDate later) {
        return new Violation("DATE_ORDER", field, laterName + " phải sau " + earlierName + ".",
                laterName + " must come after " + earlierName + ".", Map.of(earlierName, earlier, laterName, later));
    }
}
