package vn.partydev.reporting.domain;

/**
 * Age bands of the admission reports; "18–30" is the band committees publish (domain-research §6.2, e.g.
 * Quảng Trị Q1-2024: 213 of 333 aged 18–30).
 */
public enum AgeBand {
    UNDER_18("Dưới 18"), FROM_18_TO_30("18–30"), FROM_31_TO_40("31–40"), FROM_41_TO_50("41–50"),
    OVER_50("Trên 50"), UNKNOWN("Không rõ");

    private final String vietnamese;

    AgeBand(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public static AgeBand of(Integer age) {
        if (age == null) {
            return UNKNOWN;
        }
        if (age < 18) {
            return UNDER_18;
        }
        if (age <= 30) {
            return FROM_18_TO_30;
        }
        if (age <= 40) {
            return FROM_31_TO_40;
        }
        return age <= 50 ? FROM_41_TO_50 : OVER_50;
    }
}
