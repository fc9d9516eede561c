package vn.partydev.candidate.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese names stored NFC-normalized and matched without diacritics: "Nguyễn Thị Hồng Đào" is found by
 * "nguyen thi hong dao".
 */
public final class SearchText {

    /** Compiled once: every registration and every name search folds a name (String.replaceAll compiles per call). */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        String withoutMarks = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SPACES.matcher(withoutMarks).replaceAll(" ").strip();
    }

    /** "079012345612" → "0790******12": enough to tell two people apart on a list, not enough to identify. */
    public static String maskCitizenId(String citizenId) {
        if (citizenId == null || citizenId.length() < 6) {
            return "******";
        }
        return citizenId.substring(0, 4) + "*".repeat(citizenId.length() - 6) + citizenId.substring(citizenId.length() - 2);
    }
}
