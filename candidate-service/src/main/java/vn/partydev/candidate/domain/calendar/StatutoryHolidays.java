package vn.partydev.candidate.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The public holidays of a year as the law fixes them, before the government's yearly decisions: Bộ luật Lao
 * động 2019 Điều 112 khoản 1 (Tết Dương lịch 1/1; Tết Âm lịch 5 ngày; Chiến thắng 30/4; Quốc tế lao động 1/5;
 * Quốc khánh 2/9 và 01 ngày liền kề; Giỗ Tổ Hùng Vương 10/3 âm lịch) and Điều 111 khoản 3 (a holiday that falls
 * on the weekly rest day is taken on the next working day: nghỉ bù).
 *
 * <p>Choices the law leaves to the Prime Minister (Điều 112 khoản 3), with the defaults used here and corrected
 * per year through the holiday table: the five Tết days are the last day of the lunar year and mùng 1–4 (the
 * usual pattern for cán bộ, công chức); the day next to 2/9 is {@link NationalDayAdjacent configurable}. The
 * weekly rest of party and state bodies is Saturday and Sunday (Nghị định 45/2013/NĐ-CP, NĐ 145/2020/NĐ-CP),
 * so a holiday on either is compensated.
 */
public final class StatutoryHolidays implements HolidaySource {

    static final String NEW_YEAR = "Tết Dương lịch";
    static final String TET = "Tết Nguyên đán";
    static final String HUNG_KINGS = "Giỗ Tổ Hùng Vương";
    static final String REUNIFICATION = "Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)";
    static final String LABOUR = "Ngày Quốc tế Lao động";
    static final String NATIONAL_DAY = "Quốc khánh";
    static final String COMPENSATION_PREFIX = "Nghỉ bù ";

    private final NationalDayAdjacent nationalDayAdjacent;

    public StatutoryHolidays(NationalDayAdjacent nationalDayAdjacent) {
        this.nationalDayAdjacent = nationalDayAdjacent;
    }

    /** The holidays of {@code year}, in date order, including nghỉ bù; no swapped working days. */
    @Override
    public List<CalendarEntry> entriesOf(int year) {
        List<CalendarEntry> days = new ArrayList<>();
        days.add(CalendarEntry.holiday(LocalDate.of(year, 1, 1), NEW_YEAR));
        LocalDate tet = LunarDates.lunarNewYear(year);
        days.add(CalendarEntry.holiday(tet.minusDays(1), TET + " (ngày cuối năm âm lịch)"));
        for (int i = 0; i < 4; i++) {
            days.add(CalendarEntry.holiday(tet.plusDays(i), TET + " (mùng " + (i + 1) + ")"));
        }
        days.add(CalendarEntry.holiday(LunarDates.toSolar(year, 3, 10), HUNG_KINGS));
        days.add(CalendarEntry.holiday(LocalDate.of(year, 4, 30), REUNIFICATION));
        days.add(CalendarEntry.holiday(LocalDate.of(year, 5, 1), LABOUR));
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        LocalDate adjacent = nationalDayAdjacent == NationalDayAdjacent.BEFORE
                ? nationalDay.minusDays(1) : nationalDay.plusDays(1);
        days.add(CalendarEntry.holiday(adjacent.isBefore(nationalDay) ? adjacent : nationalDay, NATIONAL_DAY));
        days.add(CalendarEntry.holiday(adjacent.isBefore(nationalDay) ? nationalDay : adjacent, NATIONAL_DAY));
        days.sort(Comparator.comparing(CalendarEntry::date));
        return withCompensation(days);
    }

    /**
     * Adds nghỉ bù: each holiday on a Saturday or Sunday gives the first following weekday that is neither a
     * holiday nor already a compensation day (30/4 and 1/5 both on a weekend give Monday and Tuesday).
     */
    static List<CalendarEntry> withCompensation(List<CalendarEntry> holidays) {
        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        List<CalendarEntry> result = new ArrayList<>(holidays);
        for (CalendarEntry holiday : holidays) {
            if (!isWeekend(holiday.date())) {
                continue;
            }
            LocalDate day = holiday.date().plusDays(1);
            while (isWeekend(day) || taken.contains(day)) {
                day = day.plusDays(1);
            }
            taken.add(day);
            result.add(CalendarEntry.holiday(day, COMPENSATION_PREFIX + baseName(holiday.name())));
        }
        result.sort(Comparator.comparing(CalendarEntry::date));
        return List.copyOf(result);
    }

    private static String baseName(String name) {
        int bracket = name.indexOf(" (");
        return bracket < 0 ? name : name.substring(0, bracket);
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
