package vn.partydev.candidate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.partydev.candidate.persistence.OrganizationReplica;

/**
 * A step is all or nothing: stale versions, concurrent steps, an unreachable organization-service and bad
 * bodies change nothing.
 */
@QuarkusTest
class PipelineIntegrityTests {

    static Api.Tree tree;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @Inject
    EntityManager em;

    @BeforeEach
    void organizations() {
        if (tree == null) {
            tree = Api.tree(bootstrap, replica);
        }
    }

    UUID candidate() {
        return Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
    }

    @Test
    void ofTwoConcurrentStepsOnOneVersionOneWinsAndTheOther412() throws Exception {
        UUID id = candidate();
        List<String> dates = List.of("2024-03-05", "2024-03-06");
        List<Integer> statuses = atOnce(2, i -> Api.as("secretary", tree.cell()).header("If-Match", "\"0\"")
                .body("{\"date\":\"" + dates.get(i) + "\"}")
                .post("/api/v1/candidates/{id}/actions/recognize-sympathizer", id).statusCode());
        assertEquals(List.of(200, 412), statuses);
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then().body("items", hasSize(2));
        assertEquals(1L, events(id));
    }

    /**
     * Without If-Match (or with {@code *}, any version) a step that loses the race is judged again on the row the
     * winner wrote (ADR 0189: the row is read without a lock and written only at the version judged), so the same
     * step taken eight times at once is written once and the seven others are out of order.
     */
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "*")
    void ofEightConcurrentSameStepsWithoutAVersionOneIsWrittenAndTheOthersAreOutOfOrder(String ifMatch)
            throws Exception {
        // Several rounds: a loser reaches the write before the winner commits only in some of them.
        for (int round = 0; round < 5; round++) {
            UUID id = candidate();
            List<String> statuses = atOnce(8, i -> {
                var request = Api.as("secretary", tree.cell()).body("{\"date\":\"2024-03-05\"}");
                var answer = (ifMatch == null ? request : request.header("If-Match", ifMatch))
                        .post("/api/v1/candidates/{id}/actions/recognize-sympathizer", id);
                return answer.statusCode() == 200 ? "200" : answer.statusCode() + " " + answer.path("code");
            });
            assertEquals(List.of("200", "422 STAGE_ORDER", "422 STAGE_ORDER", "422 STAGE_ORDER", "422 STAGE_ORDER",
                    "422 STAGE_ORDER", "422 STAGE_ORDER", "422 STAGE_ORDER"), statuses, "round " + round);
            Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then().body("version", equalTo(1));
            Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then().body("items", hasSize(2));
            assertEquals(1L, events(id));
        }
    }

    /** Runs {@code n} requests released together and answers their results, sorted. */
    private static <T extends Comparable<T>> List<T> atOnce(int n, java.util.function.IntFunction<T> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            Collections.sort(results);
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aStaleIfMatchIsRefused() {
        UUID id = candidate();
        Api.as("secretary", tree.cell()).header("If-Match", "\"0\"").body("{\"date\":\"2024-03-05\"}")
                .post("/api/v1/candidates/{id}/actions/recognize-sympathizer", id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""));
        Api.as("secretary", tree.cell()).header("If-Match", "\"0\"")
                .body("{\"date\":\"2024-04-10\",\"certificateNumber\":\"CN 1/2024\"}")
                .post("/api/v1/candidates/{id}/actions/complete-awareness-course", id).then().statusCode(412)
                .body("code", equalTo("STALE_VERSION"));
    }

    @Test
    void whenOrganizationServiceIsDownTheStepAnswers503AndWritesNothing() {
        UUID id = candidate();
        Api.walk(tree, id, "record-cell-resolution");
        long eventsBefore = events(id);
        FakeOrganizationService.down();
        try {
            Api.act("secretary", tree.cell(), id, "record-cell-resolution", Api.bodyOf(tree, "record-cell-resolution"))
                    .statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("DEPENDENCY_UNAVAILABLE"));
        } finally {
            FakeOrganizationService.up();
        }
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then().body("stage", equalTo("VERIFIED"))
                .body("version", equalTo(5));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then().body("items", hasSize(6));
        assertEquals(eventsBefore, events(id));
        // Back up: the same step goes through.
        Api.act("secretary", tree.cell(), id, "record-cell-resolution", Api.bodyOf(tree, "record-cell-resolution"))
                .statusCode(200).body("stage", equalTo("CELL_PROPOSED"));
        assertEquals(0, FakeOrganizationService.REQUESTS_WITHOUT_TOKEN.get(), "the caller's token is forwarded");
    }

    @Test
    void anUnknownActionIs404() {
        UUID id = candidate();
        Api.act("secretary", tree.cell(), id, "promote-to-politburo", "{\"date\":\"2024-03-05\"}").statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("UNKNOWN_ACTION"));
    }

    @Test
    void badBodiesAre400AndChangeNothing() {
        UUID id = candidate();
        Api.act("secretary", tree.cell(), id, "recognize-sympathizer", "{\"date\":").statusCode(400);
        Api.act("secretary", tree.cell(), id, "recognize-sympathizer", "{\"date\":\"5 March 2024\"}").statusCode(400);
        Api.act("secretary", tree.cell(), id, "recognize-sympathizer", "{}").statusCode(400)
                .body("violations.field", hasItem("date"));
        Api.walk(tree, id, "record-verification");
        Api.act("secretary", tree.cell(), id, "record-verification", "{\"date\":\"2024-06-20\",\"result\":\"MAYBE\"}")
                .statusCode(400);
        Api.act("secretary", tree.cell(), id, "record-cell-resolution", "{\"date\":\"2024-06-20\"}")
                .statusCode(400);
        Api.act("secretary", tree.cell(), id, "record-cell-resolution",
                "{\"date\":\"2024-07-02\",\"votes\":{\"eligible\":\"thirteen\",\"present\":12,\"for\":10,\"against\":2}}")
                .statusCode(400);
        Api.act("organizer", tree.commune(), id, "override", "{\"rule\":\"CEREMONY_DEADLINE\",\"reason\":\"ngắn\"}")
                .statusCode(400);
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then().body("version", equalTo(4));
    }

    @Test
    void aRepeatedStepWithTheSameIdempotencyKeyRunsOnce() {
        UUID id = candidate();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            Api.as("secretary", tree.cell()).header("Idempotency-Key", key).body("{\"date\":\"2024-03-05\"}")
                    .post("/api/v1/candidates/{id}/actions/recognize-sympathizer", id).then().statusCode(200)
                    .body("version", equalTo(1));
        }
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then().body("items", hasSize(2));
    }

    /**
     * A step that committed but whose answer was never kept (the service died between the commit and the answer,
     * ADR 0076) is not taken again by a repeat with its key: the repeat hears that it was carried out and which
     * event it wrote (ADR 0177), read from the audit row the plain-JDBC step wrote in its own transaction.
     */
    @Test
    void aRepeatOfACommittedStepWhoseAnswerWasLostIsNotTakenAgain() {
        UUID id = candidate();
        String key = UUID.randomUUID().toString();
        Api.as("secretary", tree.cell()).header("Idempotency-Key", key).body("{\"date\":\"2024-03-05\"}")
                .post("/api/v1/candidates/{id}/actions/recognize-sympathizer", id).then().statusCode(200);
        forgetAnswer(key);
        Api.as("secretary", tree.cell()).header("Idempotency-Key", key).body("{\"date\":\"2024-03-05\"}")
                .post("/api/v1/candidates/{id}/actions/recognize-sympathizer", id).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_ANSWER_LOST"))
                .body("changes.aggregateId", hasItem(id.toString()))
                .body("changes.eventType", hasItem("SympathizerRecognized"));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then().body("items", hasSize(2));
        assertEquals(1L, events(id));
    }

    @Test
    void aStepWritesRowHistoryAndEventTogetherAndARefusedStepWritesNone() throws Exception {
        UUID id = candidate();
        // Out of order (verification before the file exists): 422, and nothing of the three is written.
        Api.act("secretary", tree.cell(), id, "record-verification",
                "{\"date\":\"2024-06-20\",\"result\":\"QUALIFIED\",\"certifyingCommittee\":\"Đảng ủy\"}")
                .statusCode(422).body("code", equalTo("STAGE_ORDER"));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then().body("version", equalTo(0));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then().body("items", hasSize(1));
        assertEquals(0L, events(id));

        Api.act("secretary", tree.cell(), id, "recognize-sympathizer", "{\"date\":\"2024-03-05\"}").statusCode(200);
        var answer = Api.act("secretary", tree.cell(), id, "complete-awareness-course",
                        "{\"date\":\"2024-04-10\",\"certificateNumber\":\"CN 7/2024\",\"certificateDate\":\"2024-04-10\"}")
                .statusCode(200).header("ETag", equalTo("\"2\"")).body("version", equalTo(2))
                .body("awarenessCertificate.number", equalTo("CN 7/2024")).extract();
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then().body("items", hasSize(3))
                .body("items[2].action", equalTo("complete-awareness-course"))
                .body("items[2].toStage", equalTo(answer.path("stage")));
        assertEquals(2L, events(id));
        // The event carries the state and the deadlines the answer shows (computed once for both).
        var event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lastEvent(id));
        assertEquals(answer.path("stage"), event.get("stage").asText());
        assertEquals("complete-awareness-course", event.get("action").asText());
        List<Map<String, Object>> shown = answer.path("deadlines");
        assertEquals(shown.size(), event.get("deadlines").size());
        for (int i = 0; i < shown.size(); i++) {
            assertEquals(shown.get(i).get("kind"), event.get("deadlines").get(i).get("kind").asText());
            assertEquals(shown.get(i).get("due"), event.get("deadlines").get(i).get("due").asText());
            assertEquals(shown.get(i).get("status"), event.get("deadlines").get(i).get("status").asText());
        }
        assertEquals(false, shown.isEmpty(), "the certificate's expiry is a deadline");
    }

    /** What a crash between the step's commit and its answer leaves: the key's claim, unanswered. */
    @Transactional
    void forgetAnswer(String key) {
        assertEquals(1, em.createNativeQuery("UPDATE idempotency_record SET status = NULL, body = NULL, "
                + "completed_at = NULL WHERE idempotency_key = ?1").setParameter(1, key).executeUpdate());
    }

    @Transactional
    String lastEvent(UUID id) {
        return (String) em.createNativeQuery("SELECT payload::text FROM outbox WHERE aggregateid = ?1 ORDER BY seq DESC LIMIT 1")
                .setParameter(1, id.toString()).getSingleResult();
    }

    @Transactional
    long events(UUID id) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox WHERE aggregateid = ?1 AND type <> 'CandidateRegistered'")
                .setParameter(1, id.toString()).getSingleResult()).longValue();
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
