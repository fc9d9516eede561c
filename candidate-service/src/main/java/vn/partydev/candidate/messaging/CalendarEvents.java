package vn.partydev.candidate.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import vn.partydev.candidate.domain.calendar.CalendarEntry;
import vn.partydev.candidate.domain.calendar.HolidayKind;
import vn.partydev.candidate.persistence.HolidayTable;
import vn.partydev.kit.outbox.OutboxWriter;

/**
 * Tells other services that a year's working-day calendar changed, so that they can recompute what they derived
 * from it (e.g. overdue counts): {@code WorkingCalendarChanged} on {@code party.calendar.v1}, key = the year,
 * carrying the year's whole calendar (schema: events/working-calendar-event.schema.json). Not who edited it: that
 * stays in the audit table.
 */
@ApplicationScoped
public class CalendarEvents {

    public static final String TOPIC = "party.calendar.v1";
    public static final String CHANGED = "WorkingCalendarChanged";

    @Inject
    OutboxWriter outbox;

    /** The event body: the year as now stored. */
    public record WorkingCalendarState(int year, long version, String origin, List<Day> holidays,
                                       List<Day> workingDays, OffsetDateTime changedAt) {
    }

    public record Day(LocalDate date, String name) {
    }

    /** Appends the event in the caller's transaction (the one that replaced the year). */
    public void changed(HolidayTable.YearSnapshot year) {
        outbox.append(TOPIC, "WorkingCalendar", Integer.toString(year.year()), CHANGED,
                new WorkingCalendarState(year.year(), year.version(), year.origin(),
                        days(year.entries(), HolidayKind.HOLIDAY), days(year.entries(), HolidayKind.WORKING_DAY_SWAP),
                        OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static List<Day> days(List<CalendarEntry> entries, HolidayKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).map(e -> new Day(e.date(), e.name())).toList();
    }
}
