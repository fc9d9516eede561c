package vn.partydev.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.kit.inbox.EventEnvelope;

/**
 * A script of candidate events told in terms of labels ("cell A", "candidate n3"), so the same story can be played
 * onto two twin trees — one through the batch path, one event by event — and the results compared. Each twin has
 * its own candidate ids; event ids are per twin too (both twins live in one processed_event table).
 */
final class RosterStory {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event of the story; {@code fields} are the body's date fields (null values are written as null). */
    record Event(String id, String type, String candidate, String cell, Map<String, String> fields) {
    }

    /** A tree to play the story on, and the ids it gives the story's labels. */
    static final class Twin {
        final Roster.Tree tree;
        final Map<String, UUID> candidates = new LinkedHashMap<>();
        final Map<String, String> eventIds = new LinkedHashMap<>();

        Twin(Roster.Tree tree) {
            this.tree = tree;
        }

        UUID candidate(String label) {
            return candidates.computeIfAbsent(label, l -> UUID.randomUUID());
        }

        String eventId(String storyId) {
            return eventIds.computeIfAbsent(storyId, l -> UUID.randomUUID().toString());
        }

        UUID cell(String label) {
            return switch (label) {
                case "A" -> tree.cellA();
                case "B" -> tree.cellB();
                case "G" -> tree.grassroots(); // not a chi bộ
                case "unknown" -> UUID.nameUUIDFromBytes(("unknown-" + tree.cellA()).getBytes());
                default -> throw new IllegalArgumentException(label);
            };
        }

        /** Candidate ids → labels, for {@link RosterSnapshot}. */
        Map<UUID, String> candidateLabels() {
            Map<UUID, String> labels = new LinkedHashMap<>();
            candidates.forEach((label, id) -> labels.put(id, label));
            return labels;
        }

        Map<UUID, String> organizationLabels() {
            return Map.of(tree.cellA(), "A", tree.cellB(), "B", tree.grassroots(), "G", tree.commune(), "X",
                    tree.province(), "P");
        }

        String body(Event e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("candidateId", candidate(e.candidate()).toString());
            body.put("organizationId", cell(e.cell()).toString());
            body.put("gender", e.candidate().hashCode() % 2 == 0 ? "FEMALE" : "MALE");
            body.put("birthYear", 1980 + Math.floorMod(e.candidate().hashCode(), 20));
            body.putAll(e.fields());
            body.put("recordedAt", "2025-06-03T01:00:00Z");
            try {
                return JSON.writeValueAsString(body);
            } catch (Exception impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        EventEnvelope envelope(Event e, long offset) {
            try {
                JsonNode payload = JSON.readTree(body(e));
                return new EventEnvelope(eventId(e.id()), e.type(), "/test", OffsetDateTime.now(), null,
                        candidate(e.candidate()).toString(), "party.candidate.v1", 0, offset, payload);
            } catch (Exception impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        List<EventEnvelope> envelopes(List<Event> events) {
            List<EventEnvelope> all = new ArrayList<>();
            for (Event e : events) {
                all.add(envelope(e, all.size()));
            }
            return all;
        }
    }

    /** Story event ids are unique across stories: a twin maps each to its own event id, once. */
    private static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();

    private final List<Event> events = new ArrayList<>();

    List<Event> events() {
        return List.copyOf(events);
    }

    RosterStory ceremony(String candidate, String cell, String day) {
        return add("AdmissionCeremonyHeld", candidate, cell, fields("date", day, "ceremonyDate", day,
                "officialDate", null));
    }

    RosterStory recognition(String candidate, String cell, String ceremonyDay, String officialDay) {
        return add("OfficialMembershipRecognized", candidate, cell, fields("date", officialDay, "ceremonyDate",
                ceremonyDay, "officialDate", officialDay));
    }

    RosterStory removal(String candidate, String cell, String day) {
        return add("ProbationaryMemberRemoved", candidate, cell, fields("date", day));
    }

    /** Any event type the roster ignores (e.g. an earlier pipeline step). */
    RosterStory other(String type, String candidate, String cell, String day) {
        return add(type, candidate, cell, fields("date", day));
    }

    /** The last event told again with the same event id (a redelivery). */
    RosterStory again() {
        events.add(events.get(events.size() - 1));
        return this;
    }

    private RosterStory add(String type, String candidate, String cell, Map<String, String> fields) {
        events.add(new Event("e" + NEXT.incrementAndGet(), type, candidate, cell, fields));
        return this;
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String plusMonths(String day, int months) {
        return LocalDate.parse(day).plusMonths(months).toString();
    }
}
