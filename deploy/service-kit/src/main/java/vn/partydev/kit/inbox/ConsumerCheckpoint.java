package vn.partydev.kit.inbox;

import java.time.OffsetDateTime;

/** The newest event a consumer applied from one topic, for freshness answers. */
public record ConsumerCheckpoint(String consumer, String topic, String lastEventId, OffsetDateTime lastEventTime,
                                 OffsetDateTime appliedAt, long lagMessages) {
}
