package vn.partydev.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo commune of the seeds: Đảng bộ xã Tiến Hưng (Thành ủy Đồng Xoài), 14 chi bộ — 6 residential
 * hamlets, 5 schools, military, police, health — which admitted 6, 6 and 5 members in 2020–2022, 5 of the 17
 * in residential cells (29.4 %). Hamlets 4–6 admitted nobody.
 */
final class DemoCommune {

    final UUID city = UUID.randomUUID();
    final UUID commune = UUID.randomUUID();
    final List<UUID> hamlets = new ArrayList<>();
    final List<UUID> schools = new ArrayList<>();
    final UUID military = UUID.randomUUID();
    final UUID police = UUID.randomUUID();
    final UUID health = UUID.randomUUID();
    final List<UUID> admitted = new ArrayList<>();

    DemoCommune() {
        for (int i = 0; i < 6; i++) {
            hamlets.add(UUID.randomUUID());
        }
        for (int i = 0; i < 5; i++) {
            schools.add(UUID.randomUUID());
        }
    }

    List<UUID> cells() {
        List<UUID> cells = new ArrayList<>(hamlets);
        cells.addAll(schools);
        cells.addAll(List.of(military, police, health));
        return cells;
    }

    void publish(Events events) {
        LocalDate founded = LocalDate.of(2010, 3, 10);
        events.organization(city, "Thành ủy Đồng Xoài", "ABOVE_GRASSROOTS", "RESIDENTIAL", null, founded);
        events.organization(commune, "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city, founded);
        for (int i = 0; i < 6; i++) {
            events.organization(hamlets.get(i), "Chi bộ ấp " + (i + 1), "CELL", "RESIDENTIAL", commune, founded);
        }
        for (int i = 0; i < 5; i++) {
            events.organization(schools.get(i), "Chi bộ trường " + (i + 1), "CELL", "SCHOOL", commune, founded);
        }
        events.organization(military, "Chi bộ quân sự", "CELL", "MILITARY", commune, founded);
        events.organization(police, "Chi bộ công an", "CELL", "POLICE", commune, founded);
        events.organization(health, "Chi bộ trạm y tế", "CELL", "HEALTH", commune, founded);
        events.target(commune, 2020, 6);
        events.target(commune, 2021, 5);
        events.target(commune, 2022, 6);
        events.target(hamlets.get(0), 2021, 2);

        // Residential: 5 of 17 (hamlets 1–3 only).
        admit(events, hamlets.get(0), LocalDate.of(2020, 5, 19), "FEMALE", 24, true);
        admit(events, hamlets.get(0), LocalDate.of(2021, 9, 2), "MALE", 35, false);
        admit(events, hamlets.get(1), LocalDate.of(2021, 3, 26), "MALE", 22, true);
        admit(events, hamlets.get(1), LocalDate.of(2022, 2, 3), "FEMALE", 29, true);
        admit(events, hamlets.get(2), LocalDate.of(2022, 12, 20), "MALE", 41, false);
        // Schools, military, police, health: 12, every one of these 8 cells admits at least once.
        List<UUID> others = new ArrayList<>(schools);
        others.addAll(List.of(military, police, health));
        int[][] dates = {{2020, 1, 15}, {2020, 4, 30}, {2020, 8, 19}, {2020, 11, 7}, {2020, 12, 22},
                {2021, 2, 3}, {2021, 5, 19}, {2021, 7, 27}, {2021, 10, 20},
                {2022, 3, 8}, {2022, 6, 1}, {2022, 9, 2}};
        for (int i = 0; i < dates.length; i++) {
            admit(events, others.get(i % others.size()), LocalDate.of(dates[i][0], dates[i][1], dates[i][2]),
                    i % 3 == 0 ? "MALE" : "FEMALE", 23 + i, i % 4 != 3);
        }
    }

    private void admit(Events events, UUID cell, LocalDate on, String gender, int age, boolean youthUnion) {
        admitted.add(events.admission(cell, on, gender, age, youthUnion));
    }
}
