package vn.partydev.candidate.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese names stored NFC-normalized and matched without diacritics: "Nguyễn Thị Hồng Đào" is found by
 * "nguyen thi hong dao".
 */
public final class SearchText {

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
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** "079012345612" → "0790******12": enough to tell two people apart on a list, not enough to identify. */
    public static String maskCitizenId(String citizenId) {
        if (citizenId == null || citizenId.length() < 6) {
            return "******";
        }
        return citizenId.substring(0, 4) + "*".repeat(citizenId.length() - 6) + citizenId.substring(citizenId.length() - 2);
    }
}
