package vn.partydev.reporting.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rollup rows a batch's summed deltas add to, worked out in the consumer (ADR 0171): the closure rows of the
 * batch's chi bộ are read once (one index probe per chi bộ and structure, not one lateral lookup per delta), each
 * delta is joined with them here, grouped into pairs by {@link RollupScope}'s rule, summed per wide and per period
 * row, and the rows come out sorted by their primary key. PostgreSQL is left with the upserts alone: no join, no
 * GROUP BY, no sort of the 13-column keys.
 * <p>
 * Same rows as the SQL of {@link RollupScope} over the stored closure: a delta on day {@code d} of chi bộ
 * {@code k} adds to each (ancestor, kind) that a closure row of {@code k} with depth &gt;= {@link RollupScope#MIN_DEPTH}
 * and {@code d} in its validity names, under 'B' when both structures name it, else under the one that does.
 */
final class RollupRows {

    /** One closure row of a chi bộ, as the rollups need it. */
    record Ancestor(char structure, UUID ancestorId, String kind, LocalDate validFrom, LocalDate validTo) {
    }

    /** A period rollup row's key; also the first five columns of a wide row's key. */
    record Period(char structure, UUID organizationId, int year, int month, String kind) {
    }

    /** A wide rollup row's key (the columns of {@code admission_rollup}'s primary key). */
    record Wide(Period period, String gender, String ageBand, String ethnicity, String religion,
                String generalEducation, String professionalEducation, String sector, boolean youthUnion) {
    }

    /**
     * Key order as PostgreSQL's primary-key index orders the rows (uuid as unsigned bytes; the dimension texts
     * are codes, ordered alike by code point): every batch locks rows in this one order (ADR 0160), and inserts
     * walk the index forward.
     */
    static final Comparator<Period> PERIOD_ORDER = Comparator.comparing(Period::structure)
            .thenComparing(Period::organizationId, RollupRows::unsigned)
            .thenComparingInt(Period::year).thenComparingInt(Period::month).thenComparing(Period::kind);

    static final Comparator<Wide> WIDE_ORDER = Comparator.comparing(Wide::period, PERIOD_ORDER)
            .thenComparing(Wide::gender).thenComparing(Wide::ageBand).thenComparing(Wide::ethnicity)
            .thenComparing(Wide::religion).thenComparing(Wide::generalEducation)
            .thenComparing(Wide::professionalEducation).thenComparing(Wide::sector)
            .thenComparing(Wide::youthUnion);

    final List<Map.Entry<Wide, Long>> wide;
    final List<Map.Entry<Period, Long>> period;

    private RollupRows(List<Map.Entry<Wide, Long>> wide, List<Map.Entry<Period, Long>> period) {
        this.wide = wide;
        this.period = period;
    }

    /** The rows the deltas add to (zero sums left out), each list in key order. */
    static RollupRows of(Map<CandidateBatchProjector.Cell, Integer> deltas, Map<UUID, List<Ancestor>> closure) {
        Map<Wide, Long> wide = new HashMap<>();
        Map<Period, Long> period = new HashMap<>();
        List<Ancestor> onDay = new ArrayList<>(8);
        for (Map.Entry<CandidateBatchProjector.Cell, Integer> e : deltas.entrySet()) {
            CandidateBatchProjector.Cell d = e.getKey();
            long delta = e.getValue();
            onDay.clear();
            for (Ancestor a : closure.getOrDefault(d.cellId(), List.of())) {
                if (!d.day().isBefore(a.validFrom()) && !d.day().isAfter(a.validTo())) {
                    onDay.add(a);
                }
            }
            int year = d.day().getYear(), month = d.day().getMonthValue();
            for (int i = 0; i < onDay.size(); i++) {
                Ancestor a = onDay.get(i);
                Character structure = pairStructure(onDay, i);
                if (structure == null) {
                    continue; // the pair is counted with its first row
                }
                Period key = new Period(structure, a.ancestorId(), year, month, a.kind());
                wide.merge(new Wide(key, d.gender(), d.ageBand(), d.ethnicity(), d.religion(), d.generalEducation(),
                        d.professionalEducation(), d.sector(), d.youthUnion()), delta, Long::sum);
                period.merge(key, delta, Long::sum);
            }
        }
        return new RollupRows(sorted(wide, WIDE_ORDER), sorted(period, PERIOD_ORDER));
    }

    /**
     * {@link RollupScope#STRUCTURE} for the pair (ancestor, kind) of row {@code i} among one delta's closure rows
     * on its day: 'B' when both structures hold the pair, else the one that does. Null for a later row of a pair
     * (the pair is counted once, with its first row), as the SQL's GROUP BY over the pair does.
     */
    static Character pairStructure(List<Ancestor> onDay, int i) {
        Ancestor a = onDay.get(i);
        boolean current = false, historical = false;
        for (int j = 0; j < onDay.size(); j++) {
            Ancestor b = onDay.get(j);
            if (b.ancestorId().equals(a.ancestorId()) && b.kind().equals(a.kind())) {
                if (j < i) {
                    return null;
                }
                current |= b.structure() == 'C';
                historical |= b.structure() == 'H';
            }
        }
        return current && historical ? 'B' : a.structure();
    }

    /** The closure rows the rollups hold ({@link RollupScope#ROLLUP_ROWS}) of each chi bộ, in both structures. */
    static Map<UUID, List<Ancestor>> closureOf(Connection c, Tables t, Collection<UUID> cells) throws SQLException {
        Map<UUID, List<Ancestor>> closure = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT c.descendant_id, c.structure, c.ancestor_id, "
                + "c.descendant_kind, c.valid_from, c.valid_to FROM " + t.t("org_closure") + " c "
                + "WHERE c.structure IN ('C', 'H') AND c.descendant_id = ANY (?::uuid[]) AND "
                + RollupScope.ROLLUP_ROWS)) {
            select.setArray(1, c.createArrayOf("text", cells.stream().map(UUID::toString).toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    closure.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>(6))
                            .add(new Ancestor(r.getString(2).charAt(0), r.getObject(3, UUID.class), r.getString(4),
                                    r.getObject(5, LocalDate.class), r.getObject(6, LocalDate.class)));
                }
            }
        }
        return closure;
    }

    private static <K> List<Map.Entry<K, Long>> sorted(Map<K, Long> sums, Comparator<K> order) {
        List<Map.Entry<K, Long>> rows = new ArrayList<>(sums.size());
        for (Map.Entry<K, Long> e : sums.entrySet()) {
            if (e.getValue() != 0) {
                rows.add(e);
            }
        }
        rows.sort(Map.Entry.comparingByKey(order));
        return rows;
    }

    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
