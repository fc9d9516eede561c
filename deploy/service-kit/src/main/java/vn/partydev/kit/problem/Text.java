package vn.partydev.kit.problem;

/** A message in both languages the API speaks: Vietnamese (the default) and English. */
public record Text(String vi, String en) {

    public static Text of(String vi, String en) {
        return new Text(vi, en);
    }

    public String in(Language language) {
        return language == Language.EN ? en : vi;
    }
}
