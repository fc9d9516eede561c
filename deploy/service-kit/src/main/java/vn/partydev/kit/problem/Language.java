package vn.partydev.kit.problem;

import java.util.List;
import java.util.Locale;

/** The language of a problem's {@code title} and {@code detail}: Vietnamese unless the caller prefers English. */
public enum Language {
    VI, EN;

    /** Picks the first of the caller's acceptable languages that we speak; Vietnamese when none is. */
    public static Language fromAcceptable(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale locale : acceptable) {
                String lang = locale.getLanguage();
                if ("en".equalsIgnoreCase(lang)) {
                    return EN;
                }
                if ("vi".equalsIgnoreCase(lang)) {
                    return VI;
                }
            }
        }
        return VI;
    }
}
