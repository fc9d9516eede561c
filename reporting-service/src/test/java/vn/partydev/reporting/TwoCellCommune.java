package vn.partydev.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.kit.security.Roles;
import vn.partydev.reporting.persistence.OrganizationReplica;
import vn.partydev.reporting.projection.Restater;
import vn.partydev.testkit.DevTokens;

/**
 * A commune with a residential and a school chi bộ, published on party.organization.v1 and restated: the tree on
 * which the ingest tests (one by one, batched, several loops) play the same history twice and compare the figures.
 */
record TwoCellCommune(UUID commune, UUID hamlet, UUID school) {

    static TwoCellCommune publish(String name, String bootstrap, OrganizationReplica replica, Restater restater) {
        TwoCellCommune c = new TwoCellCommune(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Events events = new Events(bootstrap, false);
        LocalDate founded = LocalDate.of(2010, 1, 1);
        events.organization(c.commune(), "Đảng bộ xã " + name, "GRASSROOTS_COMMITTEE", "RESIDENTIAL", null, founded);
        events.organization(c.hamlet(), "Chi bộ ấp " + name, "CELL", "RESIDENTIAL", c.commune(), founded);
        events.organization(c.school(), "Chi bộ trường " + name, "CELL", "SCHOOL", c.commune(), founded);
        await().atMost(Duration.ofSeconds(60)).until(() -> replica.on(c.school(), LocalDate.now()).isPresent());
        restater.ensureFresh();
        return c;
    }

    /** A report as a viewer of the given organization reads it (200 expected). */
    static JsonPath report(String path, UUID viewerOf) {
        return given().header("Authorization", DevTokens.bearer(Roles.VIEWER, viewerOf)).get(path).then()
                .statusCode(200).extract().jsonPath();
    }

    /**
     * The report's rows and totals, read as a viewer of this commune, without what names the commune or its chi bộ
     * (ids, names, the time of the answer) and without rows counting zero: one event at a time leaves a zero rollup
     * row behind a corrected admission (-1 then +1 elsewhere), a batch nets the two out first — as a restatement
     * does. So twin communes fed the same history compare equal.
     */
    @SuppressWarnings("unchecked")
    String figures(String path) {
        Map<String, Object> body = report(path, commune).getMap("");
        if (body.get("rows") instanceof List<?> rows) {
            body.put("rows", rows.stream().filter(r -> !(r instanceof Map<?, ?> row
                    && Integer.valueOf(0).equals(row.get("count")) && path.contains("/admissions"))).toList());
        }
        body.remove("asOf");
        body.remove("organizationId");
        body.remove("organizationName");
        return body.toString().replace(commune.toString(), "COMMUNE").replace(hamlet.toString(), "HAMLET")
                .replace(school.toString(), "SCHOOL");
    }
}
