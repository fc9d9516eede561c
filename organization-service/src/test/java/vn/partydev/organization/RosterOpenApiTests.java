package vn.partydev.organization;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every roster, authority and target operation is documented: tag, summary, description, examples. */
@QuarkusTest
class RosterOpenApiTests {

    static final Map<String, List<String>> OPERATIONS = Map.ofEntries(
            Map.entry("/api/v1/organizations/{id}/authority", List.of("get")),
            Map.entry("/api/v1/organizations/{id}/delegations", List.of("get", "post")),
            Map.entry("/api/v1/organizations/{id}/delegations/{delegationId}", List.of("get", "patch")),
            Map.entry("/api/v1/organizations/{id}/targets", List.of("get")),
            Map.entry("/api/v1/organizations/{id}/targets/{year}", List.of("put")),
            Map.entry("/api/v1/organizations/{id}/headcount", List.of("get")),
            Map.entry("/api/v1/members", List.of("get", "post")),
            Map.entry("/api/v1/members/import", List.of("post")),
            Map.entry("/api/v1/members/{id}", List.of("get")),
            Map.entry("/api/v1/members/{id}/transfers", List.of("post")),
            Map.entry("/api/v1/members/{id}/status-changes", List.of("post")),
            Map.entry("/api/v1/members/{id}/returns", List.of("post")));

    @Test
    void everyOperationHasATagASummaryADescriptionAndExamples() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());
        OPERATIONS.forEach((path, methods) -> {
            JsonNode item = spec.path("paths").path(path);
            assertFalse(item.isMissingNode(), path);
            for (String method : methods) {
                JsonNode op = item.path(method);
                assertFalse(op.isMissingNode(), method + " " + path);
                assertTrue(op.path("tags").size() > 0, "tag " + method + " " + path);
                assertFalse(op.path("summary").asText().isBlank(), "summary " + method + " " + path);
                assertFalse(op.path("description").asText().isBlank(), "description " + method + " " + path);
                String text = op.toString();
                assertTrue(text.contains("\"examples\""), "examples " + method + " " + path);
            }
        });
        JsonNode importOp = spec.path("paths").path("/api/v1/members/import").path("post");
        assertNotNull(importOp.path("requestBody").path("content").get("text/csv"), "CSV import documented");
    }
}
