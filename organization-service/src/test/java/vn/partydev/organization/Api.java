package vn.partydev.organization;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.UUID;
import vn.partydev.kit.security.Roles;
import vn.partydev.testkit.DevTokens;

/** Calls the API as a user of an organization, and builds the bodies the stories need. */
final class Api {

    private Api() {
    }

    static RequestSpecification as(String role, UUID organizationId) {
        return given().header("Authorization", DevTokens.bearer(role, organizationId)).contentType(ContentType.JSON);
    }

    static RequestSpecification asNationalAdmin() {
        return as(Roles.ADMIN, null);
    }

    static String organization(String code, String name, String type, String kind, UUID parentId, String establishedOn) {
        return """
                {"code":"%s","name":"%s","type":"%s","kind":"%s","parentId":%s,"establishedOn":"%s",
                 "decision":{"number":"06-QĐ/ĐUC","date":"%s","issuer":"Thành ủy Đồng Xoài"}}"""
                .formatted(code, name, type, kind, parentId == null ? "null" : "\"" + parentId + "\"",
                        establishedOn, establishedOn);
    }

    /** Establishes an organization as the national administrator and answers its id. */
    static UUID establish(String code, String name, String type, String kind, UUID parentId) {
        String id = asNationalAdmin().body(organization(code, name, type, kind, parentId, "2010-03-10"))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static LocalDate today() {
        return LocalDate.now();
    }
}
