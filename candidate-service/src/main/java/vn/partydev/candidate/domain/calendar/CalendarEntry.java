package vn.partydev.candidate.domain.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** One day of a year's working-day calendar that differs from the plain Monday–Friday week. */
public record CalendarEntry(LocalDate date, String name, HolidayKind kind) {

    public CalendarEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static CalendarEntry holiday(LocalDate date, String name) {
        return new CalendarEntry(date, name, HolidayKind.HOLIDAY);
    }

    public static CalendarEntry workingDay(LocalDate date, String name) {
        return new CalendarEntry(date, name, HolidayKind.WORKING_DAY_SWAP);
    }
}
