package vn.partydev.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.inbox.Rfc3339;

/**
 * The kit's quick reader of event dates and times answers what {@code java.time} answers, and fails where it
 * fails, with the same kind of exception (a poison event's reason depends on it).
 */
class Rfc3339Tests {

    @Test
    void readsDatesAsLocalDateParse() {
        for (String text : List.of("2026-12-07", "2024-02-29", "0001-01-01", "2023-12-31", "2023-04-30")) {
            assertEquals(LocalDate.parse(text), Rfc3339.date(text), text);
        }
        for (String text : List.of("2023-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-1-01", "20230101",
                "2023-01-01T00:00:00Z", "", "２０２３-01-01", "+2023-01-01")) {
            Class<? extends Throwable> expected = failure(() -> LocalDate.parse(text));
            Class<? extends Throwable> actual = failure(() -> Rfc3339.date(text));
            assertEquals(expected, actual, text);
        }
        assertEquals(LocalDate.parse("+12023-01-01"), Rfc3339.date("+12023-01-01"));
    }

    @Test
    void readsTimesAsOffsetDateTimeParse() {
        for (String text : List.of("2026-12-07T02:15:00Z", "2026-12-07T02:15:00.1Z", "2026-12-07T02:15:00.123456789Z",
                "2026-12-07T02:15:00.123456Z", "2026-12-07T09:15:00+07:00", "2026-12-07T09:15:00.5-03:30",
                "2026-12-07T09:15:00-00:00", "2026-12-07T23:59:59.999999999+17:59", "2024-02-29T00:00:00+18:00",
                "2026-12-07t02:15:00z", "2026-12-07T02:15Z", "2026-12-07T02:15:00+0700",
                "2026-12-07T02:15:00.Z")) {
            Object expected;
            try {
                expected = OffsetDateTime.parse(text);
            } catch (DateTimeException e) {
                assertThrows(e.getClass(), () -> Rfc3339.dateTime(text), text);
                continue;
            }
            assertEquals(expected, Rfc3339.dateTime(text), text);
        }
        for (String text : List.of("2026-12-07T24:00:00Z", "2026-12-07T23:60:00Z", "2026-12-07T23:59:60Z",
                "2023-02-29T00:00:00Z", "2026-12-07T02:15:00.1234567890Z", "2026-12-07T02:15:00+19:00",
                "2026-12-07T02:15:00", "2026-12-07 02:15:00Z", "")) {
            assertEquals(failure(() -> OffsetDateTime.parse(text)), failure(() -> Rfc3339.dateTime(text)), text);
        }
    }

    private static Class<? extends Throwable> failure(Runnable read) {
        try {
            read.run();
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
