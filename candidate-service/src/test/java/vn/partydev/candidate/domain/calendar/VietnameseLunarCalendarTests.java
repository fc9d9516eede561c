package vn.partydev.candidate.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Vietnamese lunar calendar (UTC+7) gives Tết and Giỗ Tổ on the days Vietnam observed them. */
class VietnameseLunarCalendarTests {

    /**
     * Mùng 1 Tết, 2000–2030, as published in Vietnamese calendars (lịch vạn niên); 2020–2026 also the dates
     * of the government's Tết schedules.
     */
    static final Map<Integer, String> TET = new TreeMap<>(Map.ofEntries(
            Map.entry(2000, "2000-02-05"), Map.entry(2001, "2001-01-24"), Map.entry(2002, "2002-02-12"),
            Map.entry(2003, "2003-02-01"), Map.entry(2004, "2004-01-22"), Map.entry(2005, "2005-02-09"),
            Map.entry(2006, "2006-01-29"), Map.entry(2007, "2007-02-17"), Map.entry(2008, "2008-02-07"),
            Map.entry(2009, "2009-01-26"), Map.entry(2010, "2010-02-14"), Map.entry(2011, "2011-02-03"),
            Map.entry(2012, "2012-01-23"), Map.entry(2013, "2013-02-10"), Map.entry(2014, "2014-01-31"),
            Map.entry(2015, "2015-02-19"), Map.entry(2016, "2016-02-08"), Map.entry(2017, "2017-01-28"),
            Map.entry(2018, "2018-02-16"), Map.entry(2019, "2019-02-05"), Map.entry(2020, "2020-01-25"),
            Map.entry(2021, "2021-02-12"), Map.entry(2022, "2022-02-01"), Map.entry(2023, "2023-01-22"),
            Map.entry(2024, "2024-02-10"), Map.entry(2025, "2025-01-29"), Map.entry(2026, "2026-02-17"),
            Map.entry(2027, "2027-02-06"), Map.entry(2028, "2028-01-26"), Map.entry(2029, "2029-02-13"),
            Map.entry(2030, "2030-02-02")));

    @Test
    void tetFallsOnThePublishedDayEveryYearFrom2000To2030() {
        TET.forEach((year, date) -> assertEquals(LocalDate.parse(date), LunarDates.lunarNewYear(year), "Tết " + year));
    }

    @ParameterizedTest(name = "Tết {0}: Việt Nam {1}, Trung Quốc {2}")
    @CsvSource({
            // 1968: the North had moved to UTC+7 (Tết Mậu Thân on 29/1), the South and China kept UTC+8 (30/1).
            "1968, 1968-01-29, 1968-01-30",
            // 1985: the winter solstice fell on different days, so the leap month and Tết moved a whole month.
            "1985, 1985-01-21, 1985-02-20",
            // 2007: the new moon came just before midnight in Hà Nội and just after it in Beijing.
            "2007, 2007-02-17, 2007-02-18"})
    void vietnamAndChinaDivergeWhereTheHourOfDifferenceCrossesMidnight(int year, LocalDate vietnam, LocalDate china) {
        assertEquals(vietnam, LunarDates.lunarNewYear(year));
        assertEquals(china, chineseNewYear(year));
        assertNotEquals(LunarDates.lunarNewYear(year), chineseNewYear(year));
    }

    @Test
    void inOrdinaryYearsBothCalendarsAgree() {
        for (int year : new int[] {2020, 2021, 2022, 2023, 2024, 2025, 2026}) {
            assertEquals(chineseNewYear(year), LunarDates.lunarNewYear(year), "Tết " + year);
        }
    }

    @ParameterizedTest(name = "Giỗ Tổ Hùng Vương {0} = {1}")
    @CsvSource({"2012, 2012-03-31", "2016, 2016-04-16", "2020, 2020-04-02", "2021, 2021-04-21",
            "2022, 2022-04-10", "2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26"})
    void hungKingsCommemorationIsTheTenthDayOfTheThirdLunarMonth(int year, LocalDate expected) {
        // 2023 had a leap second month (tháng 2 nhuận): the third month comes after it.
        assertEquals(expected, LunarDates.toSolar(year, 3, 10));
    }

    @Test
    void aSolarDayReadsBackAsItsLunarDate() {
        assertEquals(new LunarDates.LunarDate(2024, 3, 10, false), LunarDates.fromSolar(LocalDate.of(2024, 4, 18)));
        assertEquals(new LunarDates.LunarDate(2024, 1, 1, false), LunarDates.fromSolar(LocalDate.of(2024, 2, 10)));
        // 9/2/2024 was 30 Tết, the last day of Quý Mão; Giáp Thìn's tháng Chạp had only 29 days (no 30 Tết 2025).
        assertEquals(new LunarDates.LunarDate(2023, 12, 30, false), LunarDates.fromSolar(LocalDate.of(2024, 2, 9)));
        assertEquals(new LunarDates.LunarDate(2024, 12, 29, false), LunarDates.fromSolar(LocalDate.of(2025, 1, 28)));
        // 2023's leap month: 22/3/2023 was mùng 1 tháng 2 nhuận.
        assertEquals(new LunarDates.LunarDate(2023, 2, 1, true), LunarDates.fromSolar(LocalDate.of(2023, 3, 22)));
    }

    @Test
    void everyYearOfTheTableRoundTrips() {
        for (int year = CalendarYears.FIRST; year <= CalendarYears.LAST; year++) {
            LocalDate tet = LunarDates.lunarNewYear(year);
            assertEquals(year, tet.getYear());
            assertEquals(new LunarDates.LunarDate(year, 1, 1, false), LunarDates.fromSolar(tet), "Tết " + year);
            LocalDate hungKings = LunarDates.toSolar(year, 3, 10);
            assertEquals(new LunarDates.LunarDate(year, 3, 10, false), LunarDates.fromSolar(hungKings));
        }
    }

    /** ICU's own Chinese calendar (UTC+8), the reference the Vietnamese one must differ from. */
    static LocalDate chineseNewYear(int year) {
        ChineseCalendar chinese = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"), ULocale.ROOT);
        chinese.setTimeInMillis(LocalDate.of(year, 7, 1).atTime(LocalTime.NOON).toInstant(ZoneOffset.ofHours(8))
                .toEpochMilli());
        int extendedYear = chinese.get(Calendar.EXTENDED_YEAR);
        chinese.clear();
        chinese.set(Calendar.EXTENDED_YEAR, extendedYear);
        chinese.set(Calendar.MONTH, 0);
        chinese.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        chinese.set(Calendar.DAY_OF_MONTH, 1);
        return LocalDate.ofEpochDay(chinese.get(Calendar.JULIAN_DAY) - 2_440_588L);
    }
}
