package vn.partydev.candidate.domain.calendar;

/** What a calendar entry does to a day. */
public enum HolidayKind {
    /** Ngày nghỉ lễ, tết (and its nghỉ bù, and days off the government swapped in): not a working day. */
    HOLIDAY,
    /** Ngày làm việc hoán đổi: a Saturday or Sunday the government made a working day in exchange for a day off. */
    WORKING_DAY_SWAP
}
