package vn.partydev.organization.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese text for matching without diacritics: "Đảng bộ xã Tiến Hưng" → "dang bo xa tien hung", so a
 * user typing "tien hung" finds it. Names are stored NFC-normalized, as the API contract asks.
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
}
