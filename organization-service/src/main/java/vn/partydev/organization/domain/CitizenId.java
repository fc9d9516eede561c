package vn.partydev.organization.domain;

import java.util.regex.Pattern;

/**
 * Số căn cước (CCCD): 12 digits. Sensitive personal data under Nghị định 13/2023/NĐ-CP: masked in lists, never
 * logged, never on the event bus.
 */
public final class CitizenId {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    private CitizenId() {
    }

    public static boolean isValid(String value) {
        return value != null && TWELVE_DIGITS.matcher(value).matches();
    }

    /** "079012345612" → "0790******12": the province and century digits and the last two stay readable. */
    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() < 6) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 4) + "*".repeat(value.length() - 6) + value.substring(value.length() - 2);
    }
}
