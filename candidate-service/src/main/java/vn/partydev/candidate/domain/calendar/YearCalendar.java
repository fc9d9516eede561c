package vn.partydev.candidate.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * One solar year flattened to a flag per day (true = working day), so that the pipeline's deadline arithmetic
 * is an array lookup. Built from the week (Monday–Friday) and the year's calendar entries.
 */
final class YearCalendar {

    private final int year;
    private final long firstEpochDay;
    private final boolean[] working;

    YearCalendar(int year, List<CalendarEntry> entries) {
        this.year = year;
        LocalDate first = LocalDate.of(year, 1, 1);
        this.firstEpochDay = first.toEpochDay();
        this.working = new boolean[first.lengthOfYear()];
        for (int i = 0; i < working.length; i++) {
            DayOfWeek day = first.plusDays(i).getDayOfWeek();
            working[i] = day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
        }
        for (CalendarEntry entry : entries) {
            if (entry.date().getYear() == year) {
                working[entry.date().getDayOfYear() - 1] = entry.kind() == HolidayKind.WORKING_DAY_SWAP;
            }
        }
    }

    int year() {
        return year;
    }

    boolean isWorkingDay(LocalDate date) {
        return working[date.getDayOfYear() - 1];
    }

    /** Whether the day {@code epochDay} (which must be inside this year) is a working day. */
    boolean isWorkingEpochDay(long epochDay) {
        return working[(int) (epochDay - firstEpochDay)];
    }

    boolean contains(long epochDay) {
        return epochDay >= firstEpochDay && epochDay < firstEpochDay + working.length;
    }
}
