package vn.partydev.candidate.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trình độ giáo dục phổ thông as written in the 2-KNĐ ("12/12", "9/12 bổ túc", old 10-year system "7/10"),
 * read as a level: literacy, primary (tiểu học), lower secondary (trung học cơ sở) or upper secondary.
 */
public enum GeneralEducation {
    NONE, LITERACY, PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY;

    private static final Pattern GRADE = Pattern.compile("^\\s*(\\d{1,2})\\s*/\\s*(10|12)");

    public static GeneralEducation parse(String text) {
        if (text == null) {
            return NONE;
        }
        Matcher m = GRADE.matcher(text);
        if (!m.find()) {
            String folded = text.toLowerCase();
            return folded.contains("biết đọc") || folded.contains("literate") ? LITERACY : NONE;
        }
        int grade = Integer.parseInt(m.group(1));
        boolean tenYear = m.group(2).equals("10");
        int lower = tenYear ? 7 : 9;
        int upper = tenYear ? 10 : 12;
        int primary = tenYear ? 4 : 5;
        if (grade >= upper) {
            return UPPER_SECONDARY;
        }
        if (grade >= lower) {
            return LOWER_SECONDARY;
        }
        if (grade >= primary) {
            return PRIMARY;
        }
        return grade > 0 ? LITERACY : NONE;
    }

    public boolean atLeast(GeneralEducation other) {
        return ordinal() >= other.ordinal();
    }
}
