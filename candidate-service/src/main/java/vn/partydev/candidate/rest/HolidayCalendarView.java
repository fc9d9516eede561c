package vn.partydev.candidate.rest;

import java.util.List;
import vn.partydev.candidate.domain.calendar.CalendarEntry;
import vn.partydev.candidate.domain.calendar.HolidayKind;
import vn.partydev.candidate.persistence.HolidayTable;

/**
 * A year's calendar as the API shows it: {@code items} are the days off (holidays and nghỉ bù), {@code
 * workingDays} the weekend days made working days; {@code origin} says whether the year is still the statutory
 * one ({@code GENERATED}) or carries the government's decisions ({@code EDITED}).
 */
public record HolidayCalendarView(int year, long version, String origin, List<CalendarDay> items,
                                  List<CalendarDay> workingDays) {

    static HolidayCalendarView of(HolidayTable.YearSnapshot snapshot) {
        return new HolidayCalendarView(snapshot.year(), snapshot.version(), snapshot.origin(),
                days(snapshot.entries(), HolidayKind.HOLIDAY), days(snapshot.entries(), HolidayKind.WORKING_DAY_SWAP));
    }

    private static List<CalendarDay> days(List<CalendarEntry> entries, HolidayKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).map(e -> new CalendarDay(e.date(), e.name())).toList();
    }
}
