package vn.partydev.candidate.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast writer prints what ISO_OFFSET_DATE_TIME and Jackson's own serializer print. */
class IsoOffsetDateTimeSerializerTests {

    @Test
    void sameTextAsTheFormatterForEveryShapeOfValue() {
        int[] nanos = {0, 1, 10, 100, 1_000, 120_000_000, 123_000_000, 123_456_000, 123_456_789, 999_999_999, 500_000};
        int[] offsets = {0, 7 * 3600, -5 * 3600 - 30 * 60, 3600 + 1, -(14 * 3600), 18 * 3600};
        for (int nano : nanos) {
            for (int offset : offsets) {
                for (int second : new int[] {0, 7, 59}) {
                    OffsetDateTime t = OffsetDateTime.of(2026, 12, 6, 0, 0, second, nano,
                            ZoneOffset.ofTotalSeconds(offset));
                    assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t), IsoOffsetDateTimeSerializer.format(t));
                }
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 200_000; n++) {
            OffsetDateTime t = OffsetDateTime.of(random.nextInt(0, 10_000), random.nextInt(1, 13),
                    random.nextInt(1, 29), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextBoolean() ? random.nextInt(1_000_000) * 1_000 : random.nextInt(1_000_000_000),
                    ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600 + 1)));
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t), IsoOffsetDateTimeSerializer.format(t));
        }
    }

    @Test
    void sameJsonAsJacksonsSerializerAndJacksonsOwnWhenTheMapperIsSetOtherwise() throws Exception {
        ObjectMapper plain = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ObjectMapper fast = new ObjectMapper().registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule().addSerializer(OffsetDateTime.class, new IsoOffsetDateTimeSerializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        OffsetDateTime t = OffsetDateTime.of(2026, 12, 6, 22, 34, 37, 123_456_000, ZoneOffset.UTC);
        assertEquals(plain.writeValueAsString(t), fast.writeValueAsString(t));
        OffsetDateTime far = OffsetDateTime.of(12_026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(7));
        assertEquals(plain.writeValueAsString(far), fast.writeValueAsString(far));
        // Timestamps or an explicit time zone: Jackson's serializer decides, as before.
        assertEquals(plain.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(t),
                fast.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(t));
        assertEquals(plain.copy().setTimeZone(java.util.TimeZone.getTimeZone("Asia/Ho_Chi_Minh")).writeValueAsString(t),
                fast.copy().setTimeZone(java.util.TimeZone.getTimeZone("Asia/Ho_Chi_Minh")).writeValueAsString(t));
    }
}
