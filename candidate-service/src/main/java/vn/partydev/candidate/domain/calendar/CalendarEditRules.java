package vn.partydev.candidate.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.partydev.kit.problem.Violation;

/**
 * What an edited year must respect (the government's yearly decisions on nghỉ lễ, tết and hoán đổi ngày làm việc,
 * under Bộ luật Lao động 2019 Điều 112 khoản 3): every date inside that year, each date listed once, and a
 * swapped working day is a Saturday or Sunday (a weekday is a working day already).
 */
public final class CalendarEditRules {

    public static final String DATE_OUTSIDE_YEAR = "DATE_OUTSIDE_YEAR";
    public static final String DUPLICATE_DATE = "DUPLICATE_DATE";
    public static final String WORKING_DAY_NOT_WEEKEND = "WORKING_DAY_NOT_WEEKEND";

    private CalendarEditRules() {
    }

    /** Every violation at once; the field names the list and index of the body ({@code items[3].date}). */
    public static List<Violation> check(int year, List<CalendarEntry> holidays, List<CalendarEntry> workingDays) {
        List<Violation> violations = new ArrayList<>();
        Map<LocalDate, String> seen = new HashMap<>();
        checkList(year, "items", holidays, seen, violations);
        checkList(year, "workingDays", workingDays, seen, violations);
        for (int i = 0; i < workingDays.size(); i++) {
            LocalDate date = workingDays.get(i).date();
            DayOfWeek day = date.getDayOfWeek();
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                violations.add(new Violation(WORKING_DAY_NOT_WEEKEND, "workingDays[" + i + "].date",
                        "Ngày làm việc hoán đổi " + date + " không phải thứ Bảy hoặc Chủ nhật.",
                        "The swapped working day " + date + " is not a Saturday or Sunday.",
                        Map.of("date", date.toString(), "dayOfWeek", day.name())));
            }
        }
        return violations;
    }

    private static void checkList(int year, String list, List<CalendarEntry> entries, Map<LocalDate, String> seen,
                                  List<Violation> violations) {
        for (int i = 0; i < entries.size(); i++) {
            LocalDate date = entries.get(i).date();
            String field = list + "[" + i + "].date";
            if (date.getYear() != year) {
                violations.add(new Violation(DATE_OUTSIDE_YEAR, field,
                        "Ngày " + date + " không thuộc năm " + year + ".",
                        "The date " + date + " is not in " + year + ".",
                        Map.of("date", date.toString(), "year", year)));
            }
            String first = seen.putIfAbsent(date, field);
            if (first != null) {
                violations.add(new Violation(DUPLICATE_DATE, field,
                        "Ngày " + date + " đã có ở " + first + ".",
                        "The date " + date + " is already listed at " + first + ".",
                        Map.of("date", date.toString(), "firstAt", first)));
            }
        }
    }
}
