package vn.partydev.candidate.application.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import vn.partydev.candidate.domain.calendar.CalendarEditRules;
import vn.partydev.candidate.domain.calendar.CalendarEntry;
import vn.partydev.candidate.domain.calendar.CalendarYears;
import vn.partydev.candidate.domain.calendar.WorkingDayCalendar;
import vn.partydev.candidate.messaging.CalendarEvents;
import vn.partydev.candidate.persistence.HolidayTable;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.IfMatch;

/**
 * Reading a year's holiday calendar and replacing it (the government's yearly decisions). Only the national
 * administrator edits: there is one national calendar (ADR 0040).
 */
@ApplicationScoped
public class HolidayCalendars {

    @Inject
    HolidayTable table;

    @Inject
    WorkingDayCalendar workingDays;

    @Inject
    CalendarEvents events;

    @Inject
    RecomputeDueDates dueDates;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HolidayCalendars.class);

    /** The year as stored, seeded from the statutory rules on first read. */
    public HolidayTable.YearSnapshot read(int year) {
        requireEditableYear(year);
        return table.read(year);
    }

    /**
     * Replaces the year's holidays and swapped working days. 422 with every broken rule at once, 412 on a stale
     * If-Match. The working-day cache forgets the year only after the commit, so no reader caches the old year
     * as if it were new.
     */
    public HolidayTable.YearSnapshot replace(int year, List<CalendarEntry> holidays, List<CalendarEntry> swaps,
                                             String ifMatch, String actor) {
        requireEditableYear(year);
        List<Violation> violations = CalendarEditRules.check(year, holidays, swaps);
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }
        List<CalendarEntry> entries = new ArrayList<>(holidays.size() + swaps.size());
        holidays.forEach(h -> entries.add(CalendarEntry.holiday(h.date(), nfc(h.name()))));
        swaps.forEach(w -> entries.add(CalendarEntry.workingDay(w.date(), nfc(w.name()))));
        HolidayTable.YearSnapshot saved = table.replace(year, entries, actor,
                current -> IfMatch.check(ifMatch, current), events::changed);
        workingDays.invalidate(year);
        // Right after the commit and the cache drop, so that the new days are the ones counted (ADR 0032).
        try {
            dueDates.afterCalendarChange(year);
        } catch (RuntimeException e) {
            // The calendar edit stands; the stored dates are recomputed by the next edit or step of each file.
            LOG.errorf(e, "Due dates not recomputed after the %d calendar edit", year);
        }
        return saved;
    }

    static void requireEditableYear(int year) {
        if (!CalendarYears.editable(year)) {
            Text text = Text.of("Năm phải từ " + CalendarYears.FIRST + " đến " + CalendarYears.LAST + ".",
                    "The year must be between " + CalendarYears.FIRST + " and " + CalendarYears.LAST + ".");
            throw ApiException.badRequest("INVALID_PARAMETER", text,
                    List.of(new Violation("RANGE", "year", text.vi(), text.en(),
                            java.util.Map.of("year", year, "min", CalendarYears.FIRST, "max", CalendarYears.LAST))));
        }
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }
}
