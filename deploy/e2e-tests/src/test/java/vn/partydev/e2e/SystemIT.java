package vn.partydev.e2e;

import vn.partydev.testkit.ServiceProcess;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.EmbeddedPostgres;

/**
 * The whole system as a user runs it: the three packaged services as separate processes on one PostgreSQL
 * server (a database each) and one Kafka broker. An organization created through organization-service's
 * API reaches the replicas of candidate-service and reporting-service.
 */
class SystemIT {

    static ServiceProcess organizations;
    static ServiceProcess candidates;
    static ServiceProcess reports;
    static String kafka;

    @BeforeAll
    static void startTheSystem() throws Exception {
        RunningSystem system = RunningSystem.get();
        kafka = system.kafka;
        organizations = system.organizations;
        candidates = system.candidates;
        reports = system.reports;
    }

    @Test
    void anOrganizationEstablishedThroughTheApiReachesBothReplicas() throws Exception {
        String admin = DevTokens.bearer("admin", null);
        String id = given().baseUri(organizations.url()).header("Authorization", admin).contentType(ContentType.JSON)
                .body("""
                        {"code":"BP-%s","name":"Đảng bộ tỉnh Bình Phước","type":"PROVINCIAL","kind":"OTHER",
                         "parentId":null,"establishedOn":"1997-01-01",
                         "decision":{"number":"01-QĐ/TW","date":"1997-01-01","issuer":"Ban Chấp hành Trung ương"}}"""
                        .formatted(UUID.randomUUID().toString().substring(0, 6)))
                .post("/api/v1/organizations")
                .then().statusCode(201).body("name", equalTo("Đảng bộ tỉnh Bình Phước"))
                .extract().path("id");

        await().atMost(Duration.ofSeconds(30)).until(() -> replicaName("candidate", id) != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> replicaName("reporting", id) != null);
        assertEquals("Đảng bộ tỉnh Bình Phước", replicaName("candidate", id));
        assertEquals("Đảng bộ tỉnh Bình Phước", replicaName("reporting", id));

        given().baseUri(reports.url()).header("Authorization", DevTokens.bearer("viewer", UUID.fromString(id)))
                .get("/api/v1/reports/freshness").then().statusCode(200)
                .body("topics[0].topic", equalTo("party.organization.v1"))
                .body("topics[0].lastEventId", notNullValue())
                .body("asOf", notNullValue());
    }

    @Test
    void withoutATokenEveryServiceAnswers401ProblemJson() {
        given().baseUri(organizations.url()).get("/api/v1/organizations/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        given().baseUri(reports.url()).get("/api/v1/reports/freshness")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        given().baseUri(organizations.url()).header("Authorization", DevTokens.bearer("admin", null))
                .contentType(ContentType.JSON).body("{\"code\":")
                .post("/api/v1/organizations").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void everyServiceServesItsOpenApiAndSwaggerUi() {
        for (ServiceProcess service : new ServiceProcess[] {organizations, candidates, reports}) {
            given().baseUri(service.url()).get("/q/openapi?format=json").then().statusCode(200)
                    .body("openapi", notNullValue());
            given().baseUri(service.url()).get("/q/swagger-ui/").then().statusCode(200);
        }
    }

    @Test
    void theProdProfileRefusesToStartWithTheDevelopmentKey() throws Exception {
        try (ServiceProcess prod = ServiceProcess.start("organization-service", Map.of(
                "QUARKUS_PROFILE", "prod",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", DevTokens.locate("deploy/local/dev-jwt/public-key.pem").toString(),
                "QUARKUS_DATASOURCE_JDBC_URL", EmbeddedPostgres.jdbcUrl("organization"),
                "KAFKA_BOOTSTRAP_SERVERS", kafka))) {
            assertTrue(prod.process().waitFor(90, TimeUnit.SECONDS), "the prod service should have stopped");
            assertFalse(prod.process().exitValue() == 0);
            assertTrue(prod.output().contains("development-only signing key"), prod.output());
        }
    }

    static String replicaName(String database, String id) throws Exception {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgres.jdbcUrl(database), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(
                     "SELECT name FROM organization_replica WHERE organization_id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
