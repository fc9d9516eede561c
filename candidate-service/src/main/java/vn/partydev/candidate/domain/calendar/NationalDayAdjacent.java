package vn.partydev.candidate.domain.calendar;

/**
 * Which day next to Quốc khánh 2/9 is the second day off: Bộ luật Lao động 2019 Điều 112 khoản 1 điểm đ gives
 * "ngày 02/9 dương lịch và 01 ngày liền kề trước hoặc sau", and the Prime Minister picks one each year.
 */
public enum NationalDayAdjacent {
    /** 1/9 (as in 2022, 2023, 2025). */
    BEFORE,
    /** 3/9 (as in 2021, 2024). */
    AFTER
}
