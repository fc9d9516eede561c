package vn.partydev.candidate;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.OrganizationReplica;

/**
 * The append-only audit in candidate-service (ADR 0098): registrations and pipeline actions record who did them
 * with the event they caused, in the same transaction; refused actions leave nothing; the table refuses UPDATE
 * and DELETE; GET /api/v1/audit is for admins, limited to their subtree.
 */
@QuarkusTest
class AuditTests {

    static Api.Tree tree;
    static Api.Tree otherProvince;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void organizations() {
        if (tree == null) {
            tree = Api.tree(bootstrap, replica);
            otherProvince = Api.tree(bootstrap, replica);
        }
    }

    static String actor(String role, UUID organization) {
        return role + "@" + organization;
    }

    @Test
    void aRegistrationAndAnActionAreAuditedWithTheActorAndTheirEvents() throws SQLException {
        String key = UUID.randomUUID().toString();
        String id = Api.as("secretary", tree.cell()).header("Idempotency-Key", key).body(Api.candidate(tree.cell()))
                .post("/api/v1/candidates").then().statusCode(201).extract().path("id");
        UUID candidate = UUID.fromString(id);
        Api.act("secretary", tree.cell(), candidate, "recognize-sympathizer", Api.bodyOf(tree, "recognize-sympathizer"))
                .statusCode(200);

        String secretary = actor("secretary", tree.cell());
        List<String> eventIds = Api.as("admin", null).get("/api/v1/audit?actor={a}", secretary).then()
                .statusCode(200).body("totalItems", equalTo(2))
                .body("items.kind", contains("CHANGE", "CHANGE"))
                .body("items.aggregateType", contains("Candidate", "Candidate"))
                .body("items.aggregateId", contains(id, id))
                .body("items[0].path", equalTo("/api/v1/candidates/" + id + "/actions/recognize-sympathizer"))
                .body("items[1].path", equalTo("/api/v1/candidates"))
                .body("items[1].idempotencyKey", equalTo(key))
                .body("items[0].actorRoles", contains("secretary"))
                .body("items[0].actorOrganizationId", equalTo(tree.cell().toString()))
                .body("items[0].eventType", equalTo("SympathizerRecognized"))
                .extract().path("items.eventId");
        // Each entry names an event the outbox holds for this candidate: one audit row per event.
        assertEquals(2, count("SELECT count(*) FROM outbox WHERE aggregateid = ? AND CAST(id AS text) IN ('"
                + String.join("','", eventIds) + "')", id));
        assertEquals(count("SELECT count(*) FROM outbox WHERE aggregateid = ?", id),
                count("SELECT count(*) FROM audit_log WHERE aggregate_id = ?", id));
    }

    @Test
    void refusedChangesLeaveNoAuditRow() throws SQLException {
        UUID candidate = Api.register("secretary", tree.sibling(), Api.candidate(tree.sibling()));
        // 404: registering into another chi bộ; acting on a candidate outside the scope
        Api.as("organizer", otherProvince.commune()).body(Api.candidate(tree.cell())).post("/api/v1/candidates")
                .then().statusCode(404);
        Api.act("organizer", otherProvince.commune(), candidate, "recognize-sympathizer",
                Api.bodyOf(tree, "recognize-sympathizer")).statusCode(404);
        // 422: a step out of order
        Api.act("organizer", tree.commune(), candidate, "record-ceremony", Api.bodyOf(tree, "record-ceremony"))
                .statusCode(422);
        assertEquals(0, count("SELECT count(*) FROM audit_log WHERE actor = ?", actor("organizer", otherProvince.commune())));
        assertEquals(0, count("SELECT count(*) FROM audit_log WHERE actor = ?", actor("organizer", tree.commune())));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE aggregate_id = ?", candidate.toString()));
    }

    @Test
    void theAuditLogRefusesUpdateAndDelete() throws SQLException {
        UUID candidate = Api.register("secretary", tree.grassrootsCell(), Api.candidate(tree.grassrootsCell()));
        for (String statement : List.of(
                "UPDATE audit_log SET actor = 'someone else' WHERE aggregate_id = '" + candidate + "'",
                "DELETE FROM audit_log WHERE aggregate_id = '" + candidate + "'",
                "TRUNCATE audit_log")) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(statement), statement);
            assertEquals("42501", refused.getSQLState(), statement);
        }
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE aggregate_id = ? AND actor = '"
                + actor("secretary", tree.grassrootsCell()) + "'", candidate.toString()));
    }

    @Test
    void anAdminReadsTheAuditOfItsSubtreeOnly() {
        Api.register("organizer", tree.grassroots(), Api.candidate(tree.cell()));
        String organizer = actor("organizer", tree.grassroots());
        Api.as("admin", null).get("/api/v1/audit?actor={a}&kind=CHANGE", organizer).then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        int seen = Api.as("admin", null).get("/api/v1/audit?actor={a}", organizer).then().extract().path("totalItems");
        Api.as("admin", tree.province()).get("/api/v1/audit?actor={a}", organizer).then().statusCode(200)
                .body("totalItems", equalTo(seen));
        Api.as("admin", tree.grassroots()).get("/api/v1/audit?actor={a}", organizer).then().statusCode(200)
                .body("totalItems", equalTo(seen));
        // an admin of a chi bộ below the actor's committee, of a sibling chi bộ, of another province: none of it
        Api.as("admin", tree.cell()).get("/api/v1/audit?actor={a}", organizer).then().statusCode(200)
                .body("totalItems", equalTo(0));
        // a sibling chi bộ's admin and another province's admin see none of it
        Api.as("admin", tree.sibling()).get("/api/v1/audit?actor={a}", organizer).then().statusCode(200)
                .body("totalItems", equalTo(0));
        Api.as("admin", otherProvince.province()).get("/api/v1/audit?actor={a}", organizer).then().statusCode(200)
                .body("totalItems", equalTo(0));
        for (String role : List.of("viewer", "organizer", "secretary", "integration")) {
            Api.as(role, tree.province()).get("/api/v1/audit").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        Api.as("admin", null).get("/api/v1/audit?kind=change").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
        Api.as("admin", null).get("/api/v1/audit?from=2026-01-32").then().statusCode(400);
    }

    private int count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
        assertTrue(false, "not refused: " + sql);
    }
}
