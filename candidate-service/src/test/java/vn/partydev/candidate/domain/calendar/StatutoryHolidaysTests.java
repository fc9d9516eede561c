package vn.partydev.candidate.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bộ luật Lao động 2019 Điều 112 (which days) and Điều 111 khoản 3 (nghỉ bù), for any year. */
class StatutoryHolidaysTests {

    final StatutoryHolidays law = new StatutoryHolidays(NationalDayAdjacent.BEFORE);

    @Test
    void twentyTwentyFiveHasElevenHolidaysAndTheirCompensation() {
        // Tết Ất Tỵ: 28/1 (last day of Giáp Thìn) and mùng 1–4 = 29/1–1/2; 1/2 is a Saturday → nghỉ bù Monday 3/2.
        assertEquals(List.of("2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01",
                        "2025-02-03", "2025-04-07", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02"),
                dates(law.entriesOf(2025)));
        assertEquals("Nghỉ bù Tết Nguyên đán", nameOn(2025, "2025-02-03"));
        assertEquals("Tết Nguyên đán (mùng 1)", nameOn(2025, "2025-01-29"));
        assertEquals("Giỗ Tổ Hùng Vương", nameOn(2025, "2025-04-07"));
    }

    @Test
    void aHolidayOnTheWeekendIsTakenOnTheNextWorkingDay() {
        // 2016, as the ministry announced it: Giỗ Tổ on Saturday 16/4 → Monday 18/4; 30/4 (Sat) and 1/5 (Sun)
        // → Monday 2/5 and Tuesday 3/5.
        List<String> days = dates(law.entriesOf(2016));
        assertTrue(days.containsAll(List.of("2016-04-16", "2016-04-18", "2016-04-30", "2016-05-01", "2016-05-02",
                "2016-05-03")), days.toString());
        assertEquals("Nghỉ bù Giỗ Tổ Hùng Vương", nameOn(2016, "2016-04-18"));
    }

    @Test
    void theDayNextToNationalDayIsConfigurable() {
        List<String> after = dates(new StatutoryHolidays(NationalDayAdjacent.AFTER).entriesOf(2024));
        assertTrue(after.containsAll(List.of("2024-09-02", "2024-09-03")));
        assertTrue(!after.contains("2024-09-01"));
        List<String> before = dates(law.entriesOf(2024));
        // 1/9/2024 is a Sunday: it is compensated on Tuesday 3/9 (Monday 2/9 is the holiday itself).
        assertTrue(before.containsAll(List.of("2024-09-01", "2024-09-02", "2024-09-03")));
    }

    @Test
    void everyYearHasElevenStatutoryDaysOffOnTopOfTheWeekendAndCompensatesEachWeekendOne() {
        for (int year = 1976; year <= 2100; year++) {
            List<CalendarEntry> entries = law.entriesOf(year);
            long compensations = entries.stream().filter(e -> e.name().startsWith("Nghỉ bù")).count();
            long onWeekend = entries.stream().filter(e -> !e.name().startsWith("Nghỉ bù"))
                    .filter(e -> StatutoryHolidays.isWeekend(e.date())).count();
            assertEquals(11, entries.size() - compensations, "year " + year);
            assertEquals(onWeekend, compensations, "year " + year);
            Set<LocalDate> distinct = entries.stream().map(CalendarEntry::date).collect(Collectors.toSet());
            assertEquals(entries.size(), distinct.size(), "year " + year);
            for (CalendarEntry entry : entries) {
                assertEquals(year, entry.date().getYear());
                if (entry.name().startsWith("Nghỉ bù")) {
                    DayOfWeek day = entry.date().getDayOfWeek();
                    assertTrue(day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY, entry.toString());
                }
            }
        }
    }

    private List<String> dates(List<CalendarEntry> entries) {
        return entries.stream().map(e -> e.date().toString()).toList();
    }

    private String nameOn(int year, String date) {
        return law.entriesOf(year).stream().filter(e -> e.date().toString().equals(date)).findFirst().orElseThrow()
                .name();
    }
}
