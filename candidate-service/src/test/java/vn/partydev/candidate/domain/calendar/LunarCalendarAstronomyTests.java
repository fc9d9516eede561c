package vn.partydev.candidate.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ICU's lunar months, checked against an independent astronomical computation ({@link NewMoons}): a lunar month
 * begins on the day of the new moon in Hà Nội time. Done for the two months the holidays use (tháng Giêng for
 * Tết, tháng Ba for Giỗ Tổ) in every year the holiday table keeps.
 */
class LunarCalendarAstronomyTests {

    @Test
    void tetAndTheThirdMonthBeginOnTheDayOfTheNewMoonInHanoiFrom1976To2100() {
        List<String> wrong = new ArrayList<>();
        for (int year = CalendarYears.FIRST; year <= CalendarYears.LAST; year++) {
            for (int month : new int[] {1, 3}) {
                LocalDate first = LunarDates.toSolar(year, month, 1);
                LocalDate newMoonDay = LocalDateTime.ofInstant(NewMoons.nearest(first), ZoneOffset.ofHours(7))
                        .toLocalDate();
                if (!newMoonDay.equals(first)) {
                    wrong.add(year + "/" + month + ": ICU " + first + ", new moon " + newMoonDay);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theHourOfDifferenceExplains2007And2030() {
        // 2007: the new moon came at 23:14 in Hà Nội, 00:14 in Beijing.
        assertNewMoonBetween(LocalDate.of(2007, 2, 17), "2007-02-17T16:00:00Z", "2007-02-17T17:00:00Z");
        // 2030: at about 23:07 in Hà Nội: Tết on 2/2 in Vietnam, 3/2 in China.
        assertNewMoonBetween(LocalDate.of(2030, 2, 2), "2030-02-02T16:00:00Z", "2030-02-02T17:00:00Z");
        assertEquals(LocalDate.of(2030, 2, 2), LunarDates.lunarNewYear(2030));
    }

    private static void assertNewMoonBetween(LocalDate near, String from, String to) {
        Instant moon = NewMoons.nearest(near);
        assertTrue(moon.isAfter(Instant.parse(from)) && moon.isBefore(Instant.parse(to)), moon.toString());
    }
}
