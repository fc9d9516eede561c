package vn.partydev.candidate.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.partydev.candidate.domain.calendar.CalendarEntry;
import vn.partydev.candidate.domain.calendar.CalendarYears;
import vn.partydev.candidate.domain.calendar.HolidayKind;
import vn.partydev.candidate.domain.calendar.HolidaySource;
import vn.partydev.candidate.domain.calendar.NationalDayAdjacent;
import vn.partydev.candidate.domain.calendar.StatutoryHolidays;

/**
 * The holiday table (calendar_year, calendar_entry): a year is seeded from {@link StatutoryHolidays} the first
 * time anyone reads or edits it, then only replaced as a whole. Years outside {@link CalendarYears} are answered
 * from the statutory rules without being stored.
 */
@ApplicationScoped
public class HolidayTable implements HolidaySource {

    static final String SYSTEM = "system";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private final StatutoryHolidays statutory;

    @Inject
    public HolidayTable(@ConfigProperty(name = "partydev.calendar.national-day-adjacent", defaultValue = "BEFORE")
                        NationalDayAdjacent nationalDayAdjacent) {
        this.statutory = new StatutoryHolidays(nationalDayAdjacent);
    }

    /** A stored year: its version (the ETag) and its entries in date order. */
    public record YearSnapshot(int year, long version, String origin, List<CalendarEntry> entries) {
    }

    /**
     * The entries of a year for the working-day arithmetic. Runs in its own transaction so that seeding a year
     * commits even when the caller (a pipeline step) rolls back.
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<CalendarEntry> entriesOf(int year) {
        if (!CalendarYears.editable(year)) {
            return statutory.entriesOf(year);
        }
        return read(year).entries();
    }

    /** The year as stored, seeding it first when nobody has read it before. */
    @Transactional
    public YearSnapshot read(int year) {
        seedIfAbsent(year);
        return load(year).orElseThrow();
    }

    /**
     * Replaces every entry of {@code year}; {@code check} sees the current version first (If-Match) under a row
     * lock, so two concurrent edits cannot both pass the same version. {@code inSameTransaction} sees the saved
     * year before the commit (to append its event to the outbox).
     */
    @Transactional
    public YearSnapshot replace(int year, List<CalendarEntry> entries, String actor, VersionCheck check,
                                java.util.function.Consumer<YearSnapshot> inSameTransaction) {
        seedIfAbsent(year);
        long current = ((Number) em.createNativeQuery("SELECT version FROM calendar_year WHERE year = ?1 FOR UPDATE")
                .setParameter(1, year).getSingleResult()).longValue();
        check.verify(current);
        long next = current + 1;
        em.createNativeQuery("DELETE FROM calendar_entry WHERE year = ?1").setParameter(1, year).executeUpdate();
        insertEntries(year, entries);
        OffsetDateTime now = OffsetDateTime.now();
        em.createNativeQuery("UPDATE calendar_year SET version = ?2, origin = 'EDITED', updated_at = ?3, "
                        + "updated_by = ?4 WHERE year = ?1")
                .setParameter(1, year).setParameter(2, next).setParameter(3, now).setParameter(4, actor)
                .executeUpdate();
        em.createNativeQuery("INSERT INTO calendar_change (year, version, changed_by, changed_at, entries) "
                        + "VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb))")
                .setParameter(1, year).setParameter(2, next).setParameter(3, actor).setParameter(4, now)
                .setParameter(5, toJson(entries)).executeUpdate();
        YearSnapshot saved = load(year).orElseThrow();
        inSameTransaction.accept(saved);
        return saved;
    }

    /** The statutory calendar of a year, as it would be seeded. */
    public List<CalendarEntry> generated(int year) {
        return statutory.entriesOf(year);
    }

    /** Called with the stored version before a replacement; throws to refuse it. */
    @FunctionalInterface
    public interface VersionCheck {
        void verify(long currentVersion);
    }

    private void seedIfAbsent(int year) {
        int inserted = em.createNativeQuery("INSERT INTO calendar_year (year, version, origin, updated_at, updated_by) "
                        + "VALUES (?1, 0, 'GENERATED', ?2, ?3) ON CONFLICT (year) DO NOTHING")
                .setParameter(1, year).setParameter(2, OffsetDateTime.now()).setParameter(3, SYSTEM)
                .executeUpdate();
        if (inserted == 1) {
            insertEntries(year, statutory.entriesOf(year));
        }
    }

    private void insertEntries(int year, List<CalendarEntry> entries) {
        for (CalendarEntry entry : entries) {
            em.createNativeQuery("INSERT INTO calendar_entry (year, day, name, kind) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, year).setParameter(2, entry.date()).setParameter(3, entry.name())
                    .setParameter(4, entry.kind().name()).executeUpdate();
        }
    }

    private Optional<YearSnapshot> load(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("SELECT version, origin FROM calendar_year WHERE year = ?1")
                .setParameter(1, year).getResultList();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT day, name, kind FROM calendar_entry WHERE year = ?1 ORDER BY day")
                .setParameter(1, year).getResultList();
        List<CalendarEntry> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            entries.add(new CalendarEntry(toLocalDate(row[0]), (String) row[1], HolidayKind.valueOf((String) row[2])));
        }
        return Optional.of(new YearSnapshot(year, ((Number) head.get(0)[0]).longValue(), (String) head.get(0)[1],
                List.copyOf(entries)));
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }

    private String toJson(List<CalendarEntry> entries) {
        List<Map<String, String>> list = new ArrayList<>();
        for (CalendarEntry entry : entries) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("date", entry.date().toString());
            item.put("name", entry.name());
            item.put("kind", entry.kind().name());
            list.add(item);
        }
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
