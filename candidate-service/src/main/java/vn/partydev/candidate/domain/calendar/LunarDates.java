package vn.partydev.candidate.domain.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Conversions between the Vietnamese lunar calendar (âm lịch, {@link VietnameseLunarCalendar}) and solar dates.
 * A lunar year is named here by the solar year in which its first day (Tết Nguyên đán) falls.
 */
public final class LunarDates {

    /** Julian day number of 1970-01-01, to turn ICU's JULIAN_DAY into an epoch day. */
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private LunarDates() {
    }

    /** Mùng 1 tháng Giêng: the first day of the lunar year that begins in {@code solarYear}. */
    public static LocalDate lunarNewYear(int solarYear) {
        return toSolar(solarYear, 1, 1);
    }

    /**
     * The solar date of day {@code day} of the (non-leap) lunar month {@code month} (1–12) of the lunar year that
     * begins in {@code solarYear}: e.g. {@code toSolar(2024, 3, 10)} is Giỗ Tổ Hùng Vương 2024, 18/4/2024.
     */
    public static LocalDate toSolar(int solarYear, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            throw new IllegalArgumentException("No lunar date " + day + "/" + month);
        }
        ChineseCalendar lunar = new VietnameseLunarCalendar();
        // Mid-year of solarYear is always inside the lunar year that began in solarYear (Tết falls 21/1–20/2).
        // Reading ICU's extended year from there avoids depending on how ICU numbers lunar years.
        lunar.setTimeInMillis(LocalDate.of(solarYear, 7, 1).atTime(LocalTime.NOON)
                .toInstant(ZoneOffset.ofHours(7)).toEpochMilli());
        int extendedYear = lunar.get(Calendar.EXTENDED_YEAR);
        lunar.clear();
        lunar.set(Calendar.EXTENDED_YEAR, extendedYear);
        lunar.set(Calendar.MONTH, month - 1);
        lunar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        lunar.set(Calendar.DAY_OF_MONTH, day);
        return LocalDate.ofEpochDay(lunar.get(Calendar.JULIAN_DAY) - JULIAN_DAY_OF_EPOCH);
    }

    /** The lunar date of a solar day: year named by the solar year of its Tết, month 1–12, day 1–30, leap flag. */
    public static LunarDate fromSolar(LocalDate date) {
        ChineseCalendar lunar = new VietnameseLunarCalendar();
        lunar.setTimeInMillis(date.atTime(LocalTime.NOON).toInstant(ZoneOffset.ofHours(7)).toEpochMilli());
        int month = lunar.get(Calendar.MONTH) + 1;
        int day = lunar.get(Calendar.DAY_OF_MONTH);
        boolean leap = lunar.get(ChineseCalendar.IS_LEAP_MONTH) == 1;
        // The lunar year began on the last Tết not after this day.
        int year = date.getYear();
        if (date.isBefore(lunarNewYear(year))) {
            year--;
        }
        return new LunarDate(year, month, day, leap);
    }

    /** A day of the Vietnamese lunar calendar; {@code year} is the solar year in which that lunar year began. */
    public record LunarDate(int year, int month, int day, boolean leapMonth) {
    }
}
