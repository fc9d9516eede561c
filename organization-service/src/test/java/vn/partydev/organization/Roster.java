package vn.partydev.organization;

import static vn.partydev.organization.Api.asNationalAdmin;

import io.restassured.path.json.JsonPath;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the trees and members the roster, authority and target stories need. */
final class Roster {

    private static final AtomicLong CITIZEN = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Roster() {
    }

    /** A province → commune (ABOVE_GRASSROOTS) → grassroots committee → two cells, all established 2010-03-10. */
    record Tree(UUID province, UUID commune, UUID grassroots, UUID cellA, UUID cellB) {
    }

    static Tree tree() {
        UUID province = Api.establish(Api.uniqueCode("P"), "Đảng bộ tỉnh Bình Phước", "PROVINCIAL", "OTHER", null);
        UUID commune = Api.establish(Api.uniqueCode("X"), "Đảng bộ xã Tiến Hưng", "ABOVE_GRASSROOTS", "RESIDENTIAL",
                province);
        UUID grassroots = Api.establish(Api.uniqueCode("G"), "Đảng bộ Trường THPT Đồng Xoài", "GRASSROOTS_COMMITTEE",
                "SCHOOL", commune);
        UUID cellA = Api.establish(Api.uniqueCode("CA"), "Chi bộ Giáo viên", "CELL", "SCHOOL", grassroots);
        UUID cellB = Api.establish(Api.uniqueCode("CB"), "Chi bộ Hành chính", "CELL", "SCHOOL", grassroots);
        return new Tree(province, commune, grassroots, cellA, cellB);
    }

    /** A fresh, unique, valid citizen id (12 digits). */
    static String citizenId() {
        return String.format("%012d", CITIZEN.incrementAndGet() % 1_000_000_000_000L);
    }

    static String member(UUID organizationId, String fullName, String status, String admittedOn, String officialOn,
                         String statusSince, String citizenId) {
        return """
                {"organizationId":"%s","fullName":"%s","dateOfBirth":"1970-05-02","gender":"FEMALE","citizenId":"%s",
                 "status":"%s","admittedOn":"%s","officialOn":%s,"statusSince":%s}"""
                .formatted(organizationId, fullName, citizenId, status, admittedOn, quoted(officialOn),
                        quoted(statusSince));
    }

    static UUID official(UUID cell, String admittedOn, String officialOn) {
        return create(member(cell, "Nguyễn Văn An", "OFFICIAL", admittedOn, officialOn, null, citizenId()));
    }

    static UUID probationary(UUID cell, String admittedOn) {
        return create(member(cell, "Trần Thị Bình", "PROBATIONARY", admittedOn, null, null, citizenId()));
    }

    static UUID create(String body) {
        String id = asNationalAdmin().body(body).post("/api/v1/members").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static JsonPath headcount(UUID organizationId, String on) {
        return asNationalAdmin().queryParam("on", on).get("/api/v1/organizations/{id}/headcount", organizationId)
                .then().statusCode(200).extract().jsonPath();
    }

    static String decision() {
        return "{\"number\":\"25-QĐ/ĐU\",\"date\":\"2024-12-20\",\"issuer\":\"Đảng ủy Trường THPT Đồng Xoài\"}";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
