package vn.partydev.candidate.domain.calendar;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Âm lịch Việt Nam: the Chinese lunisolar rules computed for UTC+7 (Hà Nội), the time zone Vietnam's calendar
 * has used since the decree of 8 August 1967 (the whole country since 1975). New moons and solar terms that fall
 * between 23:00 and 24:00 UTC+7 land one day earlier than in the Chinese calendar (UTC+8), which moves Tết in
 * some years (1985: 21/1 in Vietnam, 20/2 in China; 2007: 17/2 against 18/2). Built like ICU's DangiCalendar
 * (Korea): the protected constructor of ChineseCalendar takes the zone of the astronomical calculations.
 * Not thread-safe (an ICU Calendar): make one per computation.
 */
public class VietnameseLunarCalendar extends ChineseCalendar {

    private static final long serialVersionUID = 1L;

    /** UTC+7 without any daylight-saving history: Vietnam has none since 1975. */
    static final TimeZone VIETNAM_ASTRONOMICAL_ZONE = new SimpleTimeZone(7 * 3600 * 1000, "UTC+07:00");

    public VietnameseLunarCalendar() {
        super(VIETNAM_ASTRONOMICAL_ZONE, ULocale.ROOT, VIETNAM_ASTRONOMICAL_ZONE);
    }

    @Override
    public String getType() {
        return "vietnamese";
    }
}
