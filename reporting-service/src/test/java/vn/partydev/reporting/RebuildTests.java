package vn.partydev.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;
import vn.partydev.testkit.DevTokens;

/** A rebuild replays the topics into shadow tables, swaps them in, and every figure is the same after. */
@QuarkusTest
class RebuildTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    static Map<String, Object> figures(DemoCommune demo) {
        String token = DevTokens.bearer(Roles.VIEWER, demo.city);
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        for (String report : List.of("admissions?fromYear=2020&toYear=2022&groupBy=year,kind",
                "admissions?fromYear=2020&toYear=2022&groupBy=organization&organizationId=" + demo.commune,
                "admissions?fromYear=2020&toYear=2022&groupBy=gender,ageBand&structure=historical",
                "targets?year=2021&organizationId=" + demo.commune, "stale-cells?years=7", "pipeline",
                "recognitions?fromYear=2020&toYear=2022")) {
            Map<String, Object> body = given().header("Authorization", token).get("/api/v1/reports/" + report)
                    .then().statusCode(200).extract().jsonPath().getMap("");
            body.remove("asOf");
            all.put(report, body);
        }
        return all;
    }

    @Test
    void figuresAreIdenticalAfterARebuild() {
        DemoCommune demo = new DemoCommune();
        demo.publish(new Events(bootstrap, false));
        String token = DevTokens.bearer(Roles.VIEWER, demo.city);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().header("Authorization", token).get("/api/v1/reports/admissions?fromYear=2020&toYear=2022")
                        .then().extract().jsonPath().getLong("total") == 17
                        && given().header("Authorization", token)
                        .get("/api/v1/reports/targets?year=2021&organizationId=" + demo.commune)
                        .then().extract().jsonPath().getList("rows").size() == 15);
        Map<String, Object> before = figures(demo);

        String admin = DevTokens.bearer(Roles.ADMIN, null);
        ExtractableResponse<Response> started = given().header("Authorization", admin)
                .post("/api/v1/admin/rebuild").then().statusCode(202)
                .header("Location", containsString("/api/v1/admin/rebuild/"))
                .body("id", notNullValue()).body("status", equalTo("RUNNING")).body("startedAt", notNullValue())
                .extract();
        String location = started.header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                !"RUNNING".equals(given().header("Authorization", admin).get(location).then().statusCode(200)
                        .extract().jsonPath().getString("status")));
        given().header("Authorization", admin).get(location).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED")).body("finishedAt", notNullValue());

        assertEquals(before, figures(demo));
        assertEquals(BYTE_KEYS, keyCollations(), "the swapped-in tables compare their keys by bytes (V73)");
    }

    /** The text key columns V73 (ADR 0182) gives byte collation, with the collation a live table must have. */
    static final Map<String, String> BYTE_KEYS = byteKeys();

    private static Map<String, String> byteKeys() {
        Map<String, String> keys = new java.util.TreeMap<>();
        for (String column : List.of("structure", "kind", "gender", "age_band", "ethnicity", "religion",
                "general_education", "professional_education", "sector")) {
            keys.put("admission_rollup." + column, "C");
        }
        for (String column : List.of("admission_rollup_period.structure", "admission_rollup_period.kind",
                "org_closure.structure", "org_closure.descendant_kind", "processed_event.consumer",
                "processed_event.event_id")) {
            keys.put(column, "C");
        }
        return keys;
    }

    /** The collation of each of {@link #BYTE_KEYS}' columns in the live tables. */
    Map<String, String> keyCollations() {
        Map<String, String> found = new java.util.TreeMap<>();
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(
                "SELECT cl.relname || '.' || a.attname, co.collname FROM pg_attribute a "
                        + "JOIN pg_class cl ON cl.oid = a.attrelid JOIN pg_namespace n ON n.oid = cl.relnamespace "
                        + "JOIN pg_collation co ON co.oid = a.attcollation WHERE n.nspname = current_schema() "
                        + "AND cl.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped")) {
            while (r.next()) {
                if (BYTE_KEYS.containsKey(r.getString(1))) {
                    found.put(r.getString(1), r.getString(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /**
     * A job row left RUNNING by a process that died (kill -9 during a rebuild) does not block later rebuilds: it
     * reads as FAILED with the reason, and a new rebuild starts and succeeds.
     */
    @Test
    void aRebuildLeftRunningByADeadProcessDoesNotBlockTheNext() throws Exception {
        java.util.UUID leftover = java.util.UUID.randomUUID();
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement(
                "INSERT INTO rebuild_job (id, status, started_at) VALUES (?, 'RUNNING', now() - interval '1 hour')")) {
            insert.setObject(1, leftover);
            insert.executeUpdate();
        }
        String admin = DevTokens.bearer(Roles.ADMIN, null);
        given().header("Authorization", admin).get("/api/v1/admin/rebuild/" + leftover).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("error", containsString("Interrupted"))
                .body("finishedAt", notNullValue());

        String location = given().header("Authorization", admin).post("/api/v1/admin/rebuild").then()
                .statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                !"RUNNING".equals(given().header("Authorization", admin).get(location).then().statusCode(200)
                        .extract().jsonPath().getString("status")));
        given().header("Authorization", admin).get(location).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"));
    }

    /**
     * While a rebuild runs, a second one is refused with 409 and the running one is not reported as dead.
     */
    @Test
    void aSecondRebuildWhileOneRunsIsRefused() {
        String admin = DevTokens.bearer(Roles.ADMIN, null);
        String location = given().header("Authorization", admin).post("/api/v1/admin/rebuild").then()
                .statusCode(202).extract().header("Location");
        // The first may already have finished on a small topic; only while it still runs must a second be refused.
        io.restassured.response.Response second = given().header("Authorization", admin)
                .post("/api/v1/admin/rebuild");
        String firstStatus = given().header("Authorization", admin).get(location).then().statusCode(200)
                .extract().jsonPath().getString("status");
        if (second.statusCode() == 409) {
            assertEquals("REBUILD_RUNNING", second.jsonPath().getString("code"));
        } else {
            assertEquals(202, second.statusCode());
            assertEquals("SUCCEEDED", given().header("Authorization", admin).get(location).then().extract()
                    .jsonPath().getString("status"), "a second rebuild started while the first still ran");
            String secondLocation = second.header("Location");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    !"RUNNING".equals(given().header("Authorization", admin).get(secondLocation).then().extract()
                            .jsonPath().getString("status")));
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String first = given().header("Authorization", admin).get(location).then().extract().jsonPath()
                    .getString("status");
            return !"RUNNING".equals(first);
        });
        assertEquals("SUCCEEDED", given().header("Authorization", admin).get(location).then().extract()
                .jsonPath().getString("status"), "the first rebuild, status before: " + firstStatus);
    }

    /**
     * A report reading one projected table while the swap starts, then another, is neither killed as a deadlock
     * victim nor kept waiting: the swap backs off and takes its locks when the reader is done.
     */
    @Test
    void aReportReadingDuringTheSwapIsNotKilled() throws Exception {
        String admin = DevTokens.bearer(Roles.ADMIN, null);
        try (java.sql.Connection reader = dataSource.getConnection();
             java.sql.Connection observer = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            reader.createStatement().executeQuery("SELECT count(*) FROM training_class").close();

            String location = given().header("Authorization", admin).post("/api/v1/admin/rebuild")
                    .then().statusCode(202).extract().header("Location");
            // The swap is now waiting for the table the reader holds (and holds the ones before it).
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
                try (java.sql.ResultSet rs = observer.createStatement().executeQuery("SELECT count(*) FROM "
                        + "pg_stat_activity WHERE query ILIKE 'LOCK TABLE%' OR query ILIKE 'ALTER TABLE%RENAME%'")) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            });
            // The reader's next table comes earlier in the swap's list: before the fix, a deadlock.
            reader.createStatement().executeQuery("SELECT count(*) FROM organization_replica").close();
            reader.commit();

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    !"RUNNING".equals(given().header("Authorization", admin).get(location).then().statusCode(200)
                            .extract().jsonPath().getString("status")));
            given().header("Authorization", admin).get(location).then().body("status", equalTo("SUCCEEDED"));
        }
    }
}
