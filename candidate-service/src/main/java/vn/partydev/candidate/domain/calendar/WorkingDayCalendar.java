package vn.partydev.candidate.domain.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The working-day calendar (ngày làm việc) of the party's deadlines: Monday to Friday, minus the public holidays
 * of Bộ luật Lao động 2019 Điều 112 with their nghỉ bù, as edited per year through /api/v1/calendar/holidays
 * (including the government's swapped working Saturdays). Each year is loaded once into a day-flag array and
 * kept for {@code cacheTtl} (so that another instance's edit is seen within that time); an edit on this instance
 * drops the year at once ({@link #invalidate(int)}).
 */
@ApplicationScoped
public class WorkingDayCalendar implements WorkingDays {

    private final HolidaySource source;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<Integer, Cached> years = new ConcurrentHashMap<>();
    /** Bumped by every invalidation, so that a load that raced with an edit is not cached. */
    private final AtomicLong generation = new AtomicLong();

    private record Cached(YearCalendar calendar, long loadedAt) {
    }

    /**
     * Set while the current thread holds a row lock ({@link #withoutLoading}): a year that is not cached (or whose
     * time is up) is then not read from the database but answered by {@link YearNotLoaded}, so that the caller
     * can let go of its lock and its connection, load the year ({@link #load}) and try again (ADR 0150).
     */
    private static final ThreadLocal<Boolean> NO_LOADING = new ThreadLocal<>();

    /** A year the calendar would have to read from the database while the caller said it must not. */
    public static final class YearNotLoaded extends RuntimeException {
        private final int year;

        YearNotLoaded(int year) {
            super("Working-day calendar year " + year + " is not loaded", null, false, false);
            this.year = year;
        }

        public int year() {
            return year;
        }
    }

    @Inject
    public WorkingDayCalendar(HolidaySource source,
                              @ConfigProperty(name = "partydev.calendar.cache-ttl", defaultValue = "PT5M") Duration ttl) {
        this(source, ttl, System::nanoTime);
    }

    /**
     * The statutory calendar alone (Bộ luật Lao động 2019, no table, no edits): for plain unit tests and tools
     * that used {@code new WorkingDayCalendar()} before the calendar was data. CDI uses the {@code @Inject}
     * constructor.
     */
    public WorkingDayCalendar() {
        this(new StatutoryHolidays(NationalDayAdjacent.BEFORE), Duration.ofDays(1), System::nanoTime);
    }

    /** For plain unit tests and tools: a calendar over any source. */
    public WorkingDayCalendar(HolidaySource source, Duration cacheTtl, LongSupplier nanoClock) {
        this.source = source;
        this.ttlNanos = cacheTtl.toNanos();
        this.clock = nanoClock;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return year(date.getYear()).isWorkingDay(date);
    }

    @Override
    public LocalDate addWorkingDays(LocalDate start, int days) {
        // Epoch-day arithmetic on the year's flag array: no LocalDate per step (the pipeline calls this a lot).
        long day = start.toEpochDay();
        int counted = 0;
        YearCalendar calendar = year(start.getYear());
        while (counted < days) {
            day++;
            if (!calendar.contains(day)) {
                calendar = year(calendar.year() + 1);
            }
            if (calendar.isWorkingEpochDay(day)) {
                counted++;
            }
        }
        return LocalDate.ofEpochDay(day);
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        long last = to.toEpochDay();
        YearCalendar calendar = year(from.getYear());
        for (long day = from.toEpochDay() + 1; day <= last; day++) {
            if (!calendar.contains(day)) {
                calendar = year(calendar.year() + 1);
            }
            if (calendar.isWorkingEpochDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Runs {@code work} with loading forbidden on this thread: every year it asks about must already be cached
     * and fresh, otherwise {@link YearNotLoaded} is thrown out of {@code work}. For a pipeline step that holds a
     * row lock on its only connection (ADR 0150).
     */
    public static <T, E extends Exception> T withoutLoading(ThrowingSupplier<T, E> work) throws E {
        Boolean before = NO_LOADING.get();
        NO_LOADING.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                NO_LOADING.remove();
            } else {
                NO_LOADING.set(before);
            }
        }
    }

    /** What {@link #withoutLoading} runs. */
    @FunctionalInterface
    public interface ThrowingSupplier<T, E extends Exception> {
        T get() throws E;
    }

    /** Makes sure {@code year} is cached and fresh (reading it when it is not): the step's retry after {@link YearNotLoaded}. */
    public void load(int year) {
        year(year);
    }

    /** Forget {@code year}: its entries changed. The next question about it reloads it. */
    public void invalidate(int year) {
        generation.incrementAndGet();
        years.remove(year);
    }

    private YearCalendar year(int year) {
        Cached cached = years.get(year);
        long now = clock.getAsLong();
        if (cached == null || now - cached.loadedAt() > ttlNanos) {
            if (NO_LOADING.get() != null) {
                throw new YearNotLoaded(year);
            }
            long before = generation.get();
            cached = new Cached(new YearCalendar(year, source.entriesOf(year)), now);
            if (generation.get() == before) {
                years.put(year, cached);
            }
        }
        return cached.calendar();
    }
}
