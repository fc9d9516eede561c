package vn.partydev.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.organization;
import static vn.partydev.organization.Api.uniqueCode;
import static vn.partydev.organization.Reorganizations.merge;
import static vn.partydev.organization.Reorganizations.move;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two provinces reorganized at the same time, while two clients establish the same chi bộ cơ sở (same codes, same
 * parent) in a third: every reorganization succeeds, and each code is created once — the other client gets 409.
 * Before ADR 0116 the check-then-insert of the sibling code let 4 of 16 duplicates through.
 */
@QuarkusTest
class ConcurrentWritesTests {

    @Test
    void concurrentReorganizationsOfDifferentProvincesAllSucceed() throws Exception {
        int pairs = 8;
        List<List<UUID[]>> work = new ArrayList<>();
        List<UUID> provinces = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            UUID province = establish(uniqueCode("P"), "Đảng bộ tỉnh thử " + p, "PROVINCIAL", "OTHER", null);
            provinces.add(province);
            List<UUID[]> communes = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                UUID a = establish("A" + i, "Đảng bộ xã A" + i, "ABOVE_GRASSROOTS", "RESIDENTIAL", province);
                UUID b = establish("B" + i, "Đảng bộ xã B" + i, "ABOVE_GRASSROOTS", "RESIDENTIAL", province);
                UUID grassroots = establish("CS" + i, "Đảng bộ cơ sở " + i, "GRASSROOTS_COMMITTEE", "RESIDENTIAL", a);
                establish("C" + i, "Chi bộ " + i, "CELL", "RESIDENTIAL", grassroots);
                establish("CSB" + i, "Chi bộ cơ sở " + i, "GRASSROOTS_CELL", "RESIDENTIAL", b);
                communes.add(new UUID[] {a, b, grassroots});
            }
            work.add(communes);
        }
        UUID third = establish(uniqueCode("P"), "Đảng bộ tỉnh thứ ba", "PROVINCIAL", "OTHER", null);
        UUID thirdCommune = establish("X", "Đảng bộ xã X", "ABOVE_GRASSROOTS", "RESIDENTIAL", third);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            List<UUID[]> communes = work.get(p);
            UUID province = provinces.get(p);
            int index = p;
            // Each province: merge the pairs, and move a grassroots committee to its sibling commune.
            results.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < pairs; i++) {
                    UUID[] c = communes.get(i);
                    statuses.add(asNationalAdmin().body(move("2025-06-01", c[2], c[1]))
                            .post("/api/v1/reorganizations").statusCode());
                    statuses.add(asNationalAdmin().body(merge("2025-07-01", List.of(c[0], c[1]), "M" + index + "-" + i,
                            "Đảng bộ xã hợp nhất " + i, "ABOVE_GRASSROOTS", province)).post("/api/v1/reorganizations")
                            .statusCode());
                }
                return statuses;
            }));
        }
        // Meanwhile, chi bộ cơ sở established in a third province.
        Callable<List<Integer>> establishing = () -> {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 2 * pairs; i++) {
                statuses.add(asNationalAdmin().body(organization("N" + i, "Chi bộ cơ sở mới " + i, "GRASSROOTS_CELL",
                        "RESIDENTIAL", thirdCommune, "2024-01-01")).post("/api/v1/organizations").statusCode());
            }
            return statuses;
        };
        results.add(pool.submit(establishing));
        results.add(pool.submit(establishing::call));
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (Future<List<Integer>> result : results) {
            for (int status : result.get(5, TimeUnit.MINUTES)) {
                byStatus.merge(status, 1, Integer::sum);
            }
        }
        pool.shutdown();
        // 2 provinces × 8 × (move + merge) = 32 reorganizations; 16 chi bộ established, then 16 duplicates (409).
        assertEquals(Map.of(201, 48, 409, 16), byStatus, "status codes of the concurrent requests");
        for (int p = 0; p < 2; p++) {
            asNationalAdmin().get("/api/v1/organizations/{id}/children?asOf=2025-07-01", provinces.get(p)).then()
                    .statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(pairs));
        }
    }

    @Test
    void twoClientsGrantingTheSameDelegationAtOnceCreateOne() throws Exception {
        UUID province = establish(uniqueCode("P"), "Đảng bộ tỉnh thử", "PROVINCIAL", "OTHER", null);
        UUID commune = establish("X", "Đảng bộ xã X", "ABOVE_GRASSROOTS", "RESIDENTIAL", province);
        List<UUID> committees = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            committees.add(establish("CS" + i, "Đảng bộ cơ sở " + i, "GRASSROOTS_COMMITTEE", "RESIDENTIAL", commune));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<List<Integer>> granting = () -> committees.stream().map(committee -> asNationalAdmin()
                .body(AuthorityTests.delegationBody("[\"ADMISSION\"]", "2024-01-01", null))
                .post("/api/v1/organizations/{id}/delegations", committee).statusCode()).toList();
        Future<List<Integer>> first = pool.submit(granting);
        Future<List<Integer>> second = pool.submit(granting);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (Future<List<Integer>> result : List.of(first, second)) {
            result.get(2, TimeUnit.MINUTES).forEach(status -> byStatus.merge(status, 1, Integer::sum));
        }
        pool.shutdown();
        assertEquals(Map.of(201, 8, 409, 8), byStatus, "one delegation per committee, the other grant refused");
        for (UUID committee : committees) {
            asNationalAdmin().get("/api/v1/organizations/{id}/delegations", committee).then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.equalTo(1));
        }
    }

    /** N clients send the same write at once; answers the status codes by count. */
    private static Map<Integer, Integer> atOnce(int clients, Callable<Integer> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return write.call();
                }));
            }
            start.countDown();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                byStatus.merge(answer.get(2, TimeUnit.MINUTES), 1, Integer::sum);
            }
            return byStatus;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theSameMemberImportedByTwoClientsAtOnceIsCreatedOnceAndTheOtherIsTold409() throws Exception {
        UUID province = establish(uniqueCode("P"), "Đảng bộ tỉnh thử", "PROVINCIAL", "OTHER", null);
        UUID commune = establish("X", "Đảng bộ xã X", "ABOVE_GRASSROOTS", "RESIDENTIAL", province);
        UUID cell = establish("CSB", "Chi bộ cơ sở thôn 1", "GRASSROOTS_CELL", "RESIDENTIAL", commune);
        for (int round = 0; round < 5; round++) {
            String body = Roster.member(cell, "Lò Văn Sướng", "OFFICIAL", "2001-05-19", "2002-05-19", null,
                    Roster.citizenId());
            Map<Integer, Integer> byStatus = atOnce(4, () -> asNationalAdmin().body(body).post("/api/v1/members")
                    .statusCode());
            assertEquals(Map.of(201, 1, 409, 3), byStatus, "one member per citizen id, round " + round);
        }
    }

    @Test
    void aTargetPutByFourClientsAtOnceIsSetOnceAndReplacedByTheOthers() throws Exception {
        UUID province = establish(uniqueCode("P"), "Đảng bộ tỉnh thử", "PROVINCIAL", "OTHER", null);
        for (int year = 2020; year < 2025; year++) {
            int y = year;
            Map<Integer, Integer> byStatus = atOnce(4, () -> asNationalAdmin()
                    .body("{\"admissions\":12,\"resolution\":" + Roster.decision() + "}")
                    .put("/api/v1/organizations/{id}/targets/{year}", province, y).statusCode());
            assertEquals(Map.of(200, 4), byStatus, "year " + y);
        }
        asNationalAdmin().get("/api/v1/organizations/{id}/targets", province).then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(5));
    }
}
