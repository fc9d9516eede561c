package vn.partydev.load;

/**
 * How many of each thing a dataset of {@code scale} holds; 1.0 is the country (issue 6, from the party's own
 * published totals, rounded): 34 đảng bộ tỉnh/thành phố (since the 2025 merger), ~3,300 đảng bộ xã/phường/đặc
 * khu, ~52,000 tổ chức cơ sở đảng, ~180,000 chi bộ trực thuộc, 5.6 million đảng viên and ~175,000 admissions a
 * year (150,000–200,000). 0.03 is about one province.
 */
public record NationalShape(double scale, int provinces, int communes, int grassroots, int cells, long members,
                            int admissionsPerYear, int years) {

    public static final int NATIONAL_PROVINCES = 34;
    public static final int NATIONAL_COMMUNES = 3_300;
    public static final int NATIONAL_GRASSROOTS = 52_000;
    public static final int NATIONAL_CELLS = 180_000;
    public static final long NATIONAL_MEMBERS = 5_600_000L;
    public static final int NATIONAL_ADMISSIONS_PER_YEAR = 175_000;

    /** Share of tổ chức cơ sở đảng that are chi bộ cơ sở (no chi bộ beneath them). */
    public static final double GRASSROOTS_CELL_SHARE = 0.45;

    public static NationalShape of(double scale, int years) {
        if (!(scale > 0) || scale > 1.0) {
            throw new IllegalArgumentException("scale must be in (0, 1], got " + scale);
        }
        if (years < 1 || years > 30) {
            throw new IllegalArgumentException("years must be 1..30, got " + years);
        }
        int provinces = Math.max(1, (int) Math.round(NATIONAL_PROVINCES * scale));
        int communes = Math.max(provinces, (int) Math.round(NATIONAL_COMMUNES * scale));
        int grassroots = Math.max(2 * communes, (int) Math.round(NATIONAL_GRASSROOTS * scale));
        int committees = grassroots - (int) Math.round(grassroots * GRASSROOTS_CELL_SHARE);
        int cells = Math.max(committees, (int) Math.round(NATIONAL_CELLS * scale));
        long members = Math.max(10L * (cells + grassroots), Math.round(NATIONAL_MEMBERS * scale));
        int admissions = Math.max(1, (int) Math.round(NATIONAL_ADMISSIONS_PER_YEAR * scale));
        return new NationalShape(scale, provinces, communes, grassroots, cells, members, admissions, years);
    }

    public int organizations() {
        return provinces + communes + grassroots + cells;
    }

    public long admissions() {
        return (long) admissionsPerYear * years;
    }

    @Override
    public String toString() {
        return String.format("scale %s: %,d provinces, %,d communes, %,d grassroots organizations, %,d chi bộ, "
                        + "%,d members, %,d admissions a year over %d years (%,d candidates admitted)", scale, provinces,
                communes, grassroots, cells, members, admissionsPerYear, years, admissions());
    }
}
