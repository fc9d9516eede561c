package vn.partydev.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.partydev.testkit.KafkaTestClient;

/**
 * Publishes producer-shaped events (the bodies of organization-state.schema.json and
 * candidate-event.schema.json) as organization-service and candidate-service would. With {@code twice}, every
 * event is delivered a second time with the same id, as Kafka may after a restart.
 */
final class Events {

    static final String ORGANIZATIONS = "party.organization.v1";
    static final String CANDIDATES = "party.candidate.v1";

    private final KafkaTestClient kafka;
    private final boolean twice;

    Events(String bootstrap, boolean twice) {
        this.kafka = new KafkaTestClient(bootstrap);
        this.twice = twice;
    }

    private void publish(String topic, String key, String type, String body) {
        String id = UUID.randomUUID().toString();
        kafka.publish(topic, key, id, type, body);
        if (twice) {
            kafka.publish(topic, key, id, type, body);
        }
    }

    void organization(UUID id, String name, String type, String kind, UUID parent, LocalDate from) {
        publish(ORGANIZATIONS, id.toString(), "OrganizationEstablished", state(id, name, type, kind, parent, "ACTIVE",
                from, null, null));
    }

    /** A node's version caused by a reorganization (the producer publishes one per affected node). */
    void reorganized(String type, UUID id, String name, String orgType, String kind, UUID parent, String status,
                     LocalDate from, LocalDate to, String reorganization) {
        publish(ORGANIZATIONS, id.toString(), type, state(id, name, orgType, kind, parent, status, from, to,
                reorganization));
    }

    static String merge(UUID reorganizationId, LocalDate on, List<UUID> sources, UUID target) {
        return """
                {"id":"%s","kind":"MERGE","effectiveOn":"%s","sourceIds":[%s],"targetIds":["%s"],
                 "decision":{"number":"120-QĐ/TU","date":"%s","issuer":"Tỉnh ủy"}}""".formatted(reorganizationId, on,
                sources.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",")), target, on.minusDays(10));
    }

    static String state(UUID id, String name, String type, String kind, UUID parent, String status, LocalDate from,
                        LocalDate to, String reorganization) {
        return """
                {"organizationId":"%s","code":"%s","name":"%s","type":"%s","kind":"%s","parentId":%s,
                 "status":"%s","establishedOn":"%s","endedOn":%s,"validFrom":"%s","validTo":%s,
                 "decision":{"number":"01-QĐ","date":"%s","issuer":"Cấp ủy"},"version":0,"reorganization":%s}"""
                .formatted(id, id.toString().substring(0, 8), name, type, kind,
                        parent == null ? "null" : "\"" + parent + "\"", status, from,
                        to == null ? "null" : "\"" + to + "\"", from, to == null ? "null" : "\"" + to + "\"", from,
                        reorganization == null ? "null" : reorganization);
    }

    void target(UUID organizationId, int year, int admissions) {
        publish(ORGANIZATIONS, organizationId.toString(), "AdmissionTargetSet", """
                {"organizationId":"%s","year":%d,"admissions":%d,
                 "resolution":{"number":"01-NQ/ĐU","date":"%d-12-28","issuer":"Đảng ủy"},"version":0}"""
                .formatted(organizationId, year, admissions, year - 1));
    }

    /** A candidate admitted at a ceremony in the cell on the day (AdmissionCeremonyHeld). */
    UUID admission(UUID cell, LocalDate ceremony, String gender, int age, boolean youthUnion) {
        UUID candidate = UUID.randomUUID();
        publish(CANDIDATES, candidate.toString(), "AdmissionCeremonyHeld",
                candidate(candidate, cell, "record-ceremony", ceremony, "PROBATIONARY", "ADMISSION_DECIDED", ceremony,
                        gender, age, youthUnion, ceremony, false, "[]"));
        return candidate;
    }

    void step(UUID candidate, UUID cell, String type, String stage, String previous, LocalDate date, LocalDate since,
              String deadlines) {
        publish(CANDIDATES, candidate.toString(), type,
                candidate(candidate, cell, "step", date, stage, previous, since, "MALE", 25, true, null, false,
                        deadlines));
    }

    void recognized(UUID candidate, UUID cell, LocalDate date, LocalDate ceremony, boolean late) {
        publish(CANDIDATES, candidate.toString(), "OfficialMembershipRecognized",
                candidate(candidate, cell, "record-official-recognition", date, "OFFICIAL", "PROBATIONARY", date,
                        "FEMALE", 26, true, ceremony, late, "[]"));
    }

    void removed(UUID candidate, UUID cell, LocalDate date, LocalDate ceremony) {
        publish(CANDIDATES, candidate.toString(), "ProbationaryMemberRemoved",
                candidate(candidate, cell, "remove-probationary-member", date, "REMOVED", "PROBATIONARY", date,
                        "MALE", 30, false, ceremony, false, "[]"));
    }

    void trainingClass(UUID classId, UUID organization, String kind, LocalDate start, int enrolled, int completed) {
        publish(CANDIDATES, classId.toString(), "TrainingCompletionsRecorded", """
                {"trainingClassId":"%s","organizationId":"%s","kind":"%s","startDate":"%s","endDate":"%s",
                 "enrolled":%d,"completed":%d,"recordedAt":"%sT03:00:00Z"}"""
                .formatted(classId, organization, kind, start, start.plusDays(4), enrolled, completed,
                        start.plusDays(5)));
    }

    static String candidate(UUID candidate, UUID cell, String action, LocalDate date, String stage, String previous,
                            LocalDate since, String gender, int age, boolean youthUnion, LocalDate ceremony,
                            boolean late, String deadlines) {
        return """
                {"candidateId":"%s","organizationId":"%s","action":"%s","date":"%s","stage":"%s",
                 "previousStage":"%s","stageSince":"%s","gender":"%s","birthYear":%d,"ageOnDate":%d,
                 "ethnicity":"Kinh","religion":"Không","generalEducation":"12/12","professionalEducation":"UNIVERSITY",
                 "politicalTheory":"NONE","sector":"PUBLIC_SERVICE","youthUnionMember":%s,"source":"YOUTH_UNION",
                 "areaCategory":"NORMAL","admissionDecisionDate":null,"ceremonyDate":%s,"officialDate":null,
                 "late":%s,"deadlines":%s,"override":null,"recordedAt":"%sT02:15:00Z"}"""
                .formatted(candidate, cell, action, date, stage, previous, since, gender, date.getYear() - age, age,
                        youthUnion, ceremony == null ? "null" : "\"" + ceremony + "\"", late, deadlines, date);
    }
}
