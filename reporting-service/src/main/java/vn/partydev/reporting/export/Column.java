package vn.partydev.reporting.export;

/** One column of a report table: the JSON key, the Vietnamese header of the files, and how to format it. */
public record Column(String key, String header, Type type) {

    public enum Type { TEXT, INTEGER, PERCENT, DATE, LABEL }
}
