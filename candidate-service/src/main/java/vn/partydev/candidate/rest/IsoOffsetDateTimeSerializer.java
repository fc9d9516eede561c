package vn.partydev.candidate.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link OffsetDateTime} as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does — exactly the text
 * Jackson's {@code OffsetDateTimeSerializer} writes with this application's settings — without the formatter's
 * general machinery (a {@code BigDecimal} for the fraction, a printer per field): the step answer writes one per
 * request (ADR 0151). Whenever the mapper is set otherwise (timestamps, an explicit time zone) or the year needs
 * more than four digits, Jackson's own serializer writes it.
 */
public final class IsoOffsetDateTimeSerializer extends StdSerializer<OffsetDateTime> {

    public IsoOffsetDateTimeSerializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                || provider.getConfig().hasExplicitTimeZone() || value.getYear() < 0 || value.getYear() > 9999) {
            OffsetDateTimeSerializer.INSTANCE.serialize(value, gen, provider);
            return;
        }
        gen.writeString(format(value));
    }

    /** {@code value} as ISO_OFFSET_DATE_TIME prints it, for years 0 to 9999. */
    static String format(OffsetDateTime value) {
        char[] out = new char[38];
        int i = 0;
        i = digits(out, i, value.getYear(), 4);
        out[i++] = '-';
        i = digits(out, i, value.getMonthValue(), 2);
        out[i++] = '-';
        i = digits(out, i, value.getDayOfMonth(), 2);
        out[i++] = 'T';
        i = digits(out, i, value.getHour(), 2);
        out[i++] = ':';
        i = digits(out, i, value.getMinute(), 2);
        out[i++] = ':';
        i = digits(out, i, value.getSecond(), 2);
        int nano = value.getNano();
        if (nano != 0) {
            // The fraction's digits without trailing zeros (appendFraction(NANO_OF_SECOND, 0, 9, true)).
            int width = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                width--;
            }
            out[i++] = '.';
            i = digits(out, i, nano, width);
        }
        int offset = value.getOffset().getTotalSeconds();
        if (offset == 0) {
            out[i++] = 'Z';
        } else {
            // appendOffsetId(): +HH:MM, and :ss only when the seconds are not zero.
            int abs = Math.abs(offset);
            out[i++] = offset < 0 ? '-' : '+';
            i = digits(out, i, abs / 3600, 2);
            out[i++] = ':';
            i = digits(out, i, abs / 60 % 60, 2);
            if (abs % 60 != 0) {
                out[i++] = ':';
                i = digits(out, i, abs % 60, 2);
            }
        }
        return new String(out, 0, i);
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int k = width - 1; k >= 0; k--) {
            out[at + k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
