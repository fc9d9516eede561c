package vn.partydev.candidate.domain.calendar;

import java.time.LocalDate;

/**
 * Working days (ngày làm việc) for the party's deadlines: not a weekend, not a Vietnamese public holiday.
 * The deadlines of QĐ 294-QĐ/TW (60 working days to decide admission, 30 to hold the ceremony, …) count them.
 */
public interface WorkingDays {

    boolean isWorkingDay(LocalDate date);

    /**
     * The day on which {@code days} working days after {@code start} have passed: the deadline of a step that
     * must happen "within N working days of" {@code start}. The start day itself does not count.
     */
    LocalDate addWorkingDays(LocalDate start, int days);

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after it). */
    int workingDaysBetween(LocalDate from, LocalDate to);
}
