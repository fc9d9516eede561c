package vn.partydev.reporting.application;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as committees publish them: to one decimal, half up (5 of 17 → 29.4; 187 of 150 → 124.7). */
final class Percent {

    private Percent() {
    }

    static BigDecimal of(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
