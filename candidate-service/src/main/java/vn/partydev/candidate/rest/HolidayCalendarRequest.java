package vn.partydev.candidate.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** PUT body: the whole year's holidays ({@code items}) and swapped working days ({@code workingDays}). */
public record HolidayCalendarRequest(
        @NotNull @Size(max = 100) List<@NotNull @Valid CalendarDay> items,
        @Size(max = 100) List<@NotNull @Valid CalendarDay> workingDays) {

    public List<CalendarDay> workingDaysOrEmpty() {
        return workingDays == null ? List.of() : workingDays;
    }
}
