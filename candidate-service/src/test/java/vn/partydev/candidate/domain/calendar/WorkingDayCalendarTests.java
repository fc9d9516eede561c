package vn.partydev.candidate.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Deadlines in working days (ngày làm việc) across Tết, year ends and the government's swaps. */
class WorkingDayCalendarTests {

    final WorkingDayCalendar calendar = new WorkingDayCalendar(new StatutoryHolidays(NationalDayAdjacent.BEFORE),
            Duration.ofMinutes(5), System::nanoTime);

    @Test
    void sixtyWorkingDaysFromADecemberResolutionSkipTet() {
        // Chi bộ resolution on Friday 20/12/2024: 7 working days left in December, 1/1 is off, Tết Ất Tỵ takes
        // 28/1–1/2 and its nghỉ bù Monday 3/2. Weekdays only would land on 13/3/2025.
        LocalDate due = calendar.addWorkingDays(LocalDate.of(2024, 12, 20), 60);
        assertEquals(LocalDate.of(2025, 3, 24), due);
        assertEquals(60, calendar.workingDaysBetween(LocalDate.of(2024, 12, 20), due));
        for (LocalDate day = LocalDate.of(2025, 1, 28); !day.isAfter(LocalDate.of(2025, 2, 3)); day = day.plusDays(1)) {
            assertFalse(calendar.isWorkingDay(day), day + " is Tết");
        }
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 1, 27)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 2, 4)));
    }

    @Test
    void thirtyWorkingDaysFromTheTwentiethOfJanuary2025() {
        assertEquals(LocalDate.of(2025, 3, 10), calendar.addWorkingDays(LocalDate.of(2025, 1, 20), 30));
    }

    @Test
    void countingCrossesTheYearEnd() {
        // Wednesday 31/12/2025 + 1: Thursday 1/1/2026 is Tết Dương lịch, so Friday 2/1.
        assertEquals(LocalDate.of(2026, 1, 2), calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 1));
        assertEquals(1, calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 2)));
        assertEquals(0, calendar.workingDaysBetween(LocalDate.of(2026, 1, 2), LocalDate.of(2025, 12, 31)));
        assertEquals(LocalDate.of(2025, 12, 31), calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 0));
        // Over many years the two operations agree.
        LocalDate start = LocalDate.of(2019, 6, 3);
        LocalDate end = calendar.addWorkingDays(start, 2000);
        assertEquals(2000, calendar.workingDaysBetween(start, end));
    }

    @Test
    void aSwappedSaturdayCountsAndASwappedWeekdayOffDoesNot() {
        List<CalendarEntry> year = new ArrayList<>(new StatutoryHolidays(NationalDayAdjacent.BEFORE).entriesOf(2025));
        year.add(CalendarEntry.holiday(LocalDate.of(2025, 5, 2), "Nghỉ hoán đổi"));
        year.add(CalendarEntry.workingDay(LocalDate.of(2025, 4, 26), "Làm bù cho ngày 02/5/2025"));
        WorkingDayCalendar edited = new WorkingDayCalendar(y -> y == 2025 ? year : List.of(), Duration.ofMinutes(5),
                System::nanoTime);
        assertTrue(edited.isWorkingDay(LocalDate.of(2025, 4, 26)));
        assertFalse(edited.isWorkingDay(LocalDate.of(2025, 5, 2)));
        // Friday 25/4 + 1 is Saturday 26/4 now.
        assertEquals(LocalDate.of(2025, 4, 26), edited.addWorkingDays(LocalDate.of(2025, 4, 25), 1));
        assertEquals(LocalDate.of(2025, 4, 28), calendar.addWorkingDays(LocalDate.of(2025, 4, 25), 1));
    }

    @Test
    void aYearIsLoadedOnceThenKeptUntilInvalidatedOrExpired() {
        AtomicInteger loads = new AtomicInteger();
        AtomicLong now = new AtomicLong();
        WorkingDayCalendar cached = new WorkingDayCalendar(year -> {
            loads.incrementAndGet();
            return List.of();
        }, Duration.ofSeconds(60), now::get);
        for (int i = 0; i < 10_000; i++) {
            cached.isWorkingDay(LocalDate.of(2025, 3, 3).plusDays(i % 200));
        }
        assertEquals(1, loads.get());
        cached.invalidate(2025);
        cached.isWorkingDay(LocalDate.of(2025, 3, 3));
        assertEquals(2, loads.get());
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        cached.isWorkingDay(LocalDate.of(2025, 3, 3));
        assertEquals(3, loads.get());
    }

    @Test
    void deadlineArithmeticIsCheapEnoughForThePipeline() {
        // Warm the cache, then 200 000 deadlines of 60 working days: well under a second on a laptop; the bound is
        // loose so that a busy build machine does not fail it.
        calendar.addWorkingDays(LocalDate.of(2024, 1, 1), 400);
        long started = System.nanoTime();
        LocalDate last = null;
        for (int i = 0; i < 200_000; i++) {
            last = calendar.addWorkingDays(LocalDate.of(2024, 1, 1).plusDays(i % 365), 60);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(last.isAfter(LocalDate.of(2024, 12, 31)));
        assertTrue(millis < 10_000, "200 000 deadlines took " + millis + " ms");
    }

    @Test
    void theNoArgumentCalendarIsTheStatutoryOne() {
        WorkingDayCalendar plain = new WorkingDayCalendar();
        assertEquals(LocalDate.of(2025, 3, 24), plain.addWorkingDays(LocalDate.of(2024, 12, 20), 60));
        assertFalse(plain.isWorkingDay(LocalDate.of(2024, 4, 18)));
    }

    @Test
    void withoutLoadingAYearThatIsNotCachedOrTooOldIsAnsweredByYearNotLoadedAndNothingIsRead() {
        AtomicInteger reads = new AtomicInteger();
        AtomicLong now = new AtomicLong();
        HolidaySource counting = year -> {
            reads.incrementAndGet();
            return new StatutoryHolidays(NationalDayAdjacent.BEFORE).entriesOf(year);
        };
        WorkingDayCalendar c = new WorkingDayCalendar(counting, Duration.ofMinutes(5), now::get);
        WorkingDayCalendar.YearNotLoaded missing = org.junit.jupiter.api.Assertions.assertThrows(
                WorkingDayCalendar.YearNotLoaded.class,
                () -> WorkingDayCalendar.withoutLoading(() -> c.addWorkingDays(LocalDate.of(2025, 1, 20), 30)));
        assertEquals(2025, missing.year());
        assertEquals(0, reads.get());
        c.load(2025);
        assertEquals(1, reads.get());
        assertEquals(LocalDate.of(2025, 3, 10),
                WorkingDayCalendar.withoutLoading(() -> c.addWorkingDays(LocalDate.of(2025, 1, 20), 30)));
        // A count that crosses into a year not loaded asks for that year too.
        missing = org.junit.jupiter.api.Assertions.assertThrows(WorkingDayCalendar.YearNotLoaded.class,
                () -> WorkingDayCalendar.withoutLoading(() -> c.addWorkingDays(LocalDate.of(2025, 12, 31), 1)));
        assertEquals(2026, missing.year());
        // A year older than the cache's time counts as not loaded.
        now.addAndGet(Duration.ofMinutes(6).toNanos());
        org.junit.jupiter.api.Assertions.assertThrows(WorkingDayCalendar.YearNotLoaded.class,
                () -> WorkingDayCalendar.withoutLoading(() -> c.isWorkingDay(LocalDate.of(2025, 3, 3))));
        assertEquals(1, reads.get());
        // Outside withoutLoading the calendar reads as before.
        assertTrue(c.isWorkingDay(LocalDate.of(2025, 3, 3)));
        assertEquals(2, reads.get());
    }
}
