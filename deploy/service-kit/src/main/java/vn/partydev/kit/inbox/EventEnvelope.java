package vn.partydev.kit.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** One consumed event: its CloudEvents attributes, where it came from, and its JSON body. */
public record EventEnvelope(String id, String type, String source, OffsetDateTime time, String subject,
                            String key, String topic, int partition, long offset, JsonNode payload) {
}
