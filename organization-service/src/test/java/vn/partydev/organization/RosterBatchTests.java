package vn.partydev.organization;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.inbox.EventEnvelope;
import vn.partydev.kit.inbox.PoisonEventException;
import vn.partydev.organization.messaging.CandidateEventsConsumer;
import vn.partydev.testkit.KafkaTestClient;

/**
 * The roster applies a whole poll of candidate events at once, set-based (ADR 0125), with exactly the effect of
 * applying them one by one: the same story is played onto two twin trees — one through {@code applyAll}, one
 * through {@code apply} per event (the kit's fallback, a play of one event each, ADR 0155) — and every member row,
 * status and affiliation interval, headcount segment and headcount answer must be the same (the headcount also
 * against {@link HeadcountOracle}, straight from the rows). Since both paths share the rules, what each rule writes
 * is pinned line by line in {@link #eachRuleWritesWhatTheRosterRulesSay}.
 */
@QuarkusTest
class RosterBatchTests {

    @Inject
    CandidateEventsConsumer consumer;

    @Inject
    RosterSnapshot snapshot;

    @Inject
    HeadcountOracle oracle;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** Members on the roster before the poll, three of them away on temporary transfers. */
    static RosterStory before() {
        RosterStory story = new RosterStory();
        for (int i = 0; i < 10; i++) {
            story.ceremony("c" + i, i % 2 == 0 ? "A" : "B", LocalDate.of(2023, 1, 10).plusDays(i).toString());
        }
        story.ceremony("c10", "A", "2023-02-01").ceremony("c11", "A", "2023-02-01").ceremony("c12", "A", "2023-02-01");
        return story;
    }

    /** The poll under test: every rule of the roster's three events, on members old and new, in one batch. */
    static RosterStory poll() {
        RosterStory story = new RosterStory();
        story.recognition("c0", "A", "2023-01-10", "2024-01-10")
                .removal("c1", "B", "2023-09-01")
                .ceremony("c2", "A", "2023-01-12") // told again under a new id: nothing changes
                .recognition("c3", "B", "2023-01-13", "2024-01-13").removal("c3", "B", "2024-03-01") // already official
                .recognition("c4", "A", "2023-01-14", "2022-12-01") // before the probation began: nothing
                .recognition("c5", "B", "2023-01-15", "2023-01-15") // same day: the probationary row is replaced
                .removal("c10", "A", "2024-02-01") // hosting runs past: it ends the day before
                .removal("c11", "A", "2024-02-01") // hosting had not begun: it goes
                .removal("c12", "A", "2024-02-01") // hosting over: untouched
                .other("CandidateRegistered", "c6", "A", "2024-02-01");
        for (int i = 0; i < 30; i++) {
            String n = "n" + i;
            String cell = i % 3 == 0 ? "B" : "A";
            String day = LocalDate.of(2024, 3, 1).plusDays(7L * i).toString();
            story.ceremony(n, cell, day);
            if (i < 10) {
                story.recognition(n, cell, day, RosterStory.plusMonths(day, 12));
            } else if (i < 15) {
                story.removal(n, cell, RosterStory.plusMonths(day, 5));
            }
        }
        story.again() // a redelivery of n29's ceremony, same id
                .recognition("n15", "B", "2025-01-06", "2026-01-06").recognition("n15", "B", "2025-01-06", "2026-02-06")
                .removal("n16", "A", "2025-06-01").recognition("n16", "A", "2025-01-13", "2026-01-13")
                .removal("n28", "A", "2024-01-01"); // before the ceremony: nothing
        story.removal("n40", "A", "2024-05-01").ceremony("n40", "A", "2024-06-01"); // removal of nobody, then a member
        for (int i = 0; i < 5; i++) { // recognitions whose ceremony predates the roster
            story.recognition("r" + i, i % 2 == 0 ? "A" : "B", "2022-05-0" + (i + 1), "2023-05-0" + (i + 1));
        }
        story.removal("u0", "A", "2024-01-01"); // never a member
        return story;
    }

    @Test
    void aPollAppliedAtOnceEqualsTheSameEventsOneByOne() {
        RosterStory.Twin batch = new RosterStory.Twin(Roster.tree());
        RosterStory.Twin single = new RosterStory.Twin(Roster.tree());
        for (RosterStory.Twin twin : List.of(batch, single)) {
            oneByOne(twin, before().events());
            UUID c10 = member(twin, "c10");
            UUID c11 = member(twin, "c11");
            UUID c12 = member(twin, "c12");
            hosting(c10, twin.tree.cellB(), "2023-06-01", "2024-06-01");
            hosting(c11, twin.tree.cellB(), "2024-03-01", "2024-12-31");
            hosting(c12, twin.tree.cellB(), "2023-03-01", "2023-04-01");
        }
        List<RosterStory.Event> poll = poll().events();
        QuarkusTransaction.requiringNew().run(() -> consumer.applyAll(batch.envelopes(poll)));
        oneByOne(single, poll);

        assertSameRoster(batch, single);
        // Spot checks that the story did what it says (so the comparison is not between two empty rosters).
        List<String> lines = snapshot.of(batch.candidateLabels(), batch.organizationLabels());
        assertTrue(lines.contains("c10 affiliation B TEMPORARY 2023-06-01 2024-01-31 test"), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("c11 affiliation B")), lines.toString());
        assertTrue(lines.contains("c5 status OFFICIAL 2023-01-15 null CANDIDATE_EVENTS"), lines.toString());
        assertTrue(lines.contains("u0: no member"), lines.toString());
        assertEquals(13 + 30 + 1 + 5, lines.stream().filter(l -> l.contains("source=CANDIDATE_EVENTS")).count());
    }

    /** The poll's story, rule by rule, as the status rows it must leave (ADR 0125 §4; QĐ 29 §4.2b for the dates). */
    @Test
    void eachRuleWritesWhatTheRosterRulesSay() {
        RosterStory.Twin twin = new RosterStory.Twin(Roster.tree());
        oneByOne(twin, before().events());
        UUID c12 = member(twin, "c12");
        hosting(c12, twin.tree.cellB(), "2023-03-01", "2023-04-01");
        QuarkusTransaction.requiringNew().run(() -> consumer.applyAll(twin.envelopes(poll().events())));
        List<String> lines = snapshot.of(twin.candidateLabels(), twin.organizationLabels());

        // recognition: the probation ends the day before the official date
        assertStatuses(lines, "c0", "PROBATIONARY 2023-01-10 2024-01-09", "OFFICIAL 2024-01-10 null");
        // removal of a probationary member
        assertStatuses(lines, "c1", "PROBATIONARY 2023-01-11 2023-08-31", "REMOVED 2023-09-01 null");
        // a ceremony told again changes nothing; so does a removal of a member already official
        assertStatuses(lines, "c2", "PROBATIONARY 2023-01-12 null");
        assertStatuses(lines, "c3", "PROBATIONARY 2023-01-13 2024-01-12", "OFFICIAL 2024-01-13 null");
        // an official date before the probation began changes nothing
        assertStatuses(lines, "c4", "PROBATIONARY 2023-01-14 null");
        // a change on the day the open row began replaces it
        assertStatuses(lines, "c5", "OFFICIAL 2023-01-15 null");
        // a hosting already over when the member is removed stays as it was
        assertTrue(lines.contains("c12 affiliation B TEMPORARY 2023-03-01 2023-04-01 test"), lines.toString());
        // a second recognition of an official member, a recognition after a removal: nothing
        assertStatuses(lines, "n15", "PROBATIONARY 2024-06-14 2026-01-05", "OFFICIAL 2026-01-06 null");
        assertStatuses(lines, "n16", "PROBATIONARY 2024-06-21 2025-05-31", "REMOVED 2025-06-01 null");
        // a removal dated before the ceremony: nothing
        assertStatuses(lines, "n28", "PROBATIONARY 2024-09-13 null");
        // a removal of nobody, then the ceremony: a member from the ceremony
        assertStatuses(lines, "n40", "PROBATIONARY 2024-06-01 null");
        // a recognition whose ceremony predates the roster makes the member, probation first
        assertStatuses(lines, "r0", "PROBATIONARY 2022-05-01 2023-04-30", "OFFICIAL 2023-05-01 null");
        assertTrue(lines.contains("u0: no member"), lines.toString());
    }

    private static void assertStatuses(List<String> lines, String label, String... expected) {
        List<String> statuses = lines.stream().filter(l -> l.startsWith(label + " status "))
                .map(l -> l.substring((label + " status ").length()).replace(" CANDIDATE_EVENTS", ""))
                .toList();
        assertEquals(List.of(expected), statuses, label + ": " + lines);
    }

    @Test
    void aPoisonEventFailsTheWholeBatchBeforeAnyWrite() {
        RosterStory.Twin twin = new RosterStory.Twin(Roster.tree());
        for (RosterStory story : List.of(
                new RosterStory().ceremony("ok", "A", "2024-01-01").ceremony("lost", "unknown", "2024-01-01"),
                new RosterStory().ceremony("ok", "A", "2024-01-01").ceremony("committee", "G", "2024-01-01"),
                new RosterStory().ceremony("ok", "A", "2024-01-01").recognition("ok", "A", "2024-01-01", null))) {
            List<EventEnvelope> events = twin.envelopes(story.events());
            assertThrows(PoisonEventException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> consumer.applyAll(events)));
            assertEquals(List.of("ok: no member"), snapshot.of(Map.of(twin.candidate("ok"), "ok"), Map.of()));
        }
    }

    /**
     * Through the real broker: a healthy mixed poll, then one holding a duplicate and a poison event (the kit goes
     * one by one, parks the poison on the dead-letter topic with its reason and applies the rest), then the whole
     * story redelivered: the roster equals the same story applied one by one on a twin, and the redelivery changes
     * nothing.
     */
    @Test
    void throughTheBrokerWithADuplicateAndAPoisonEventTheRosterEqualsOneByOne() {
        RosterStory.Twin broker = new RosterStory.Twin(Roster.tree());
        RosterStory.Twin single = new RosterStory.Twin(Roster.tree());
        List<RosterStory.Event> healthy = new ArrayList<>(before().events());
        healthy.addAll(poll().events());
        RosterStory poisoned = new RosterStory();
        for (int i = 0; i < 20; i++) {
            poisoned.ceremony("p" + i, i % 2 == 0 ? "A" : "B", "2025-0" + (1 + i % 9) + "-1" + (i % 10));
            if (i == 7) {
                poisoned.again().ceremony("poison", "unknown", "2025-03-01");
            }
            if (i % 4 == 0) {
                poisoned.recognition("p" + i, i % 2 == 0 ? "A" : "B", "2025-0" + (1 + i % 9) + "-1" + (i % 10),
                        "2026-0" + (1 + i % 9) + "-1" + (i % 10));
            }
        }
        List<RosterStory.Event> second = poisoned.events();

        publish(broker, healthy);
        awaitProcessed(broker, healthy);
        publish(broker, second);
        awaitProcessed(broker, second);
        assertEquals("PARKED", status(broker.eventId(second.stream()
                .filter(e -> e.candidate().equals("poison")).findFirst().orElseThrow().id())));
        var dead = new KafkaTestClient(bootstrap).awaitRecord("party.candidate.v1.dlt",
                r -> broker.candidate("poison").toString().equals(r.key()), Duration.ofSeconds(60));
        assertTrue(KafkaTestClient.header(dead, "ce_dlt-reason") != null
                || KafkaTestClient.header(dead, "dlt-reason") != null, "the reason travels with the parked event");

        // The registration in the healthy poll is of no concern to the roster: read past, never claimed (ADR 0156).
        Set<String> others = new LinkedHashSet<>();
        healthy.stream().filter(e -> !consumer.wants(e.type())).forEach(e -> others.add(broker.eventId(e.id())));
        assertEquals(1, others.size());
        assertEquals(0L, processed(others));

        oneByOne(single, healthy);
        oneByOne(single, second.stream().filter(e -> !e.candidate().equals("poison")).toList());
        single.candidate("poison"); // labelled on both sides: "no member" on both
        assertSameRoster(broker, single);

        // Redelivery of everything (a restart from offset 0) and one new event to know it has all been read.
        List<String> settled = snapshot.of(broker.candidateLabels(), broker.organizationLabels());
        publish(broker, healthy);
        publish(broker, second);
        List<RosterStory.Event> sentinel = new RosterStory().ceremony("sentinel", "A", "2025-12-01").events();
        publish(broker, sentinel);
        awaitProcessed(broker, sentinel);
        Map<java.util.UUID, String> labels = new java.util.LinkedHashMap<>(broker.candidateLabels());
        labels.remove(broker.candidate("sentinel"));
        assertEquals(settled, snapshot.of(labels, broker.organizationLabels()));
    }

    private void assertSameRoster(RosterStory.Twin a, RosterStory.Twin b) {
        assertEquals(b.candidates.keySet(), a.candidates.keySet());
        assertEquals(snapshot.of(b.candidateLabels(), b.organizationLabels()),
                snapshot.of(a.candidateLabels(), a.organizationLabels()));
        for (String day : days()) {
            for (String org : List.of("A", "B", "P")) {
                JsonPath ha = Roster.headcount(organization(a, org), day);
                JsonPath hb = Roster.headcount(organization(b, org), day);
                String at = org + " on " + day;
                for (String count : List.of("official", "probationary", "hostedTemporarily", "exempt",
                        "eligibleVoters")) {
                    assertEquals(hb.getInt(count), ha.getInt(count), count + " of " + at);
                }
                List<Long> fromRows = oracle.counts(organization(a, org), LocalDate.parse(day));
                assertEquals(fromRows, List.of((long) ha.getInt("official"), (long) ha.getInt("probationary"),
                        (long) ha.getInt("hostedTemporarily"), (long) ha.getInt("exempt"),
                        (long) ha.getInt("eligibleVoters")), "oracle, " + at);
            }
        }
    }

    private static UUID organization(RosterStory.Twin twin, String label) {
        return label.equals("P") ? twin.tree.province() : twin.cell(label);
    }

    /** Every boundary the story has, and a day inside each of its stretches. */
    private static Set<String> days() {
        Set<String> days = new LinkedHashSet<>(List.of("2022-05-01", "2022-05-03", "2023-01-10", "2023-01-15",
                "2023-05-02", "2023-06-01", "2023-08-31", "2023-09-01", "2024-01-10", "2024-01-31", "2024-02-01",
                "2024-03-01", "2024-06-01", "2024-06-02", "2025-01-06", "2025-06-01", "2026-01-06", "2026-02-06"));
        for (LocalDate d = LocalDate.of(2024, 3, 15); d.isBefore(LocalDate.of(2026, 6, 1)); d = d.plusMonths(4)) {
            days.add(d.toString());
        }
        return days;
    }

    private void oneByOne(RosterStory.Twin twin, List<RosterStory.Event> events) {
        // As the kit's fallback does: each event once (by id), each in order, each alone.
        Set<String> seen = new LinkedHashSet<>();
        for (EventEnvelope event : twin.envelopes(events)) {
            if (seen.add(event.id())) {
                QuarkusTransaction.requiringNew().run(() -> consumer.apply(event));
            }
        }
    }

    private void publish(RosterStory.Twin twin, List<RosterStory.Event> events) {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", "50",
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (RosterStory.Event e : events) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>("party.candidate.v1",
                        twin.candidate(e.candidate()).toString(), twin.body(e).getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_id", twin.eventId(e.id()).getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", e.type().getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_time", OffsetDateTime.now().toString().getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Until every roster event is claimed; the pipeline's other events are never claimed (ADR 0156). */
    private void awaitProcessed(RosterStory.Twin twin, List<RosterStory.Event> events) {
        Set<String> ids = new LinkedHashSet<>();
        events.stream().filter(e -> consumer.wants(e.type())).forEach(e -> ids.add(twin.eventId(e.id())));
        await().atMost(Duration.ofSeconds(90)).until(() -> processed(ids) == ids.size());
    }

    private long processed(Set<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM processed_event WHERE consumer = ?1 AND event_id = ANY(?2)")
                .setParameter(1, CandidateEventsConsumer.NAME).setParameter(2, ids.toArray(String[]::new))
                .getSingleResult()).longValue());
    }

    private String status(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT status FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, CandidateEventsConsumer.NAME).setParameter(2, eventId).getSingleResult());
    }

    private UUID member(RosterStory.Twin twin, String label) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                "SELECT id FROM member WHERE candidate_id = ?1").setParameter(1, twin.candidate(label))
                .getSingleResult());
    }

    private void hosting(UUID member, UUID host, String from, String to) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO member_affiliation (member_id, "
                        + "organization_id, kind, valid_from, valid_to, reason) VALUES (?1, ?2, 'TEMPORARY', ?3, ?4, 'test')")
                .setParameter(1, member).setParameter(2, host).setParameter(3, LocalDate.parse(from))
                .setParameter(4, LocalDate.parse(to)).executeUpdate());
    }
}
