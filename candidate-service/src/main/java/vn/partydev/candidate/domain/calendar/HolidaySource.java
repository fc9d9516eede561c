package vn.partydev.candidate.domain.calendar;

import java.util.List;

/** Where a year's holidays and swapped working days come from (the edited table, or the statutory rules). */
public interface HolidaySource {

    /** Every entry of {@code year}, each dated inside that year. */
    List<CalendarEntry> entriesOf(int year);
}
