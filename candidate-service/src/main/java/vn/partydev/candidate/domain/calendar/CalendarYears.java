package vn.partydev.candidate.domain.calendar;

/**
 * The years the holiday table keeps and edits. Vietnam's lunar calendar has been computed for UTC+7 across the
 * whole country since 1976 (the North since 1968); before that, and far ahead, the statutory rules are used as
 * they are, without a table.
 */
public final class CalendarYears {

    public static final int FIRST = 1976;
    public static final int LAST = 2100;

    private CalendarYears() {
    }

    public static boolean editable(int year) {
        return year >= FIRST && year <= LAST;
    }
}
