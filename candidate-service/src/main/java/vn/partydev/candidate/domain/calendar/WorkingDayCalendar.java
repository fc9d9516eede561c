package vn.partydev.candidate.domain.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * The working-day calendar. Today it knows weekends and the solar public holidays (1/1, 30/4, 1/5, 2/9 and
 * its adjacent day); the lunar holidays (Tết Nguyên đán, Giỗ Tổ Hùng Vương) and the yearly adjustments
 * edited through /api/v1/calendar/holidays are added by the calendar work.
 */
@ApplicationScoped
public class WorkingDayCalendar implements WorkingDays {

    private static final Set<MonthDay> SOLAR_HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(4, 30),
            MonthDay.of(5, 1), MonthDay.of(9, 2), MonthDay.of(9, 1));

    @Override
    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !SOLAR_HOLIDAYS.contains(MonthDay.from(date));
    }

    @Override
    public LocalDate addWorkingDays(LocalDate start, int days) {
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }
}
