package vn.partydev.candidate.domain;

/**
 * A vote tally (biểu quyết): {@code eligible} official members who may vote (the denominator of the 2/3 rule),
 * those present, for and against.
 */
public record Votes(int eligible, int present, int inFavour, int against) {

    /** The smallest number of votes for that reaches numerator/denominator of {@code eligible}. */
    public static int required(int eligible, int numerator, int denominator) {
        return (eligible * numerator + denominator - 1) / denominator;
    }
}
