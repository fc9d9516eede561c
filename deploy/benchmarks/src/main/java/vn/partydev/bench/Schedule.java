package vn.partydev.bench;

/**
 * When each action of a paced phase is due (ADR 0178). Actions are numbered 0, 1, 2… across the client threads
 * (thread {@code t}'s {@code k}-th action is number {@code k × threads + t}). Without a ramp the rate is the
 * phase's from the start: action {@code j} is due {@code j / rate} seconds after the start. With a ramp of
 * {@code T} seconds the rate rises linearly from 10 % to 100 % of the phase's rate over the first {@code T}
 * seconds, then stays at 100 %: {@code 0.55 × rate × T} actions are due in the ramp, and after it the schedule
 * is the unramped one shifted by {@code 0.45 × T} seconds.
 */
final class Schedule {

    /** The ramp's starting rate, as a share of the full rate. */
    static final double RAMP_FROM = 0.1;

    private final double rate;
    private final double rampSeconds;
    /** Actions due during the ramp: the area under the rate, {@code rate × T × (1 + RAMP_FROM) / 2}. */
    private final double dueInRamp;

    Schedule(int rate, int rampSeconds) {
        if (rate <= 0 || rampSeconds < 0) {
            throw new IllegalArgumentException("a schedule needs a rate > 0 and a ramp ≥ 0 s");
        }
        this.rate = rate;
        this.rampSeconds = rampSeconds;
        this.dueInRamp = rate * rampSeconds * (1 + RAMP_FROM) / 2;
    }

    /** Nanoseconds from the phase's start at which action {@code number} is due. */
    long dueNanos(long number) {
        return Math.round(dueSeconds(number) * 1e9);
    }

    double dueSeconds(double number) {
        if (number >= dueInRamp) {
            return rampSeconds + (number - dueInRamp) / rate;
        }
        // Inside the ramp the rate is rate × (a + b·τ), a = RAMP_FROM, b = (1 - a) / T; the number of actions due
        // by τ is rate × (a·τ + b·τ²/2). Solve it for τ.
        double a = RAMP_FROM;
        double b = (1 - RAMP_FROM) / rampSeconds;
        return (-a + Math.sqrt(a * a + 2 * b * number / rate)) / b;
    }

    /** The rate due at {@code seconds} after the phase's start. */
    double rateAt(double seconds) {
        return seconds >= rampSeconds ? rate : rate * (RAMP_FROM + (1 - RAMP_FROM) * seconds / rampSeconds);
    }

    /** How many actions are due in the interval [from, to) seconds after the phase's start. */
    long dueBetween(double fromSeconds, double toSeconds) {
        return dueBy(toSeconds) - dueBy(fromSeconds);
    }

    /** How many actions are due before {@code seconds}: the first number whose due time is not before it. */
    private long dueBy(double seconds) {
        double area = seconds >= rampSeconds ? dueInRamp + (seconds - rampSeconds) * rate
                : rate * (RAMP_FROM * seconds + (1 - RAMP_FROM) / rampSeconds * seconds * seconds / 2);
        return (long) Math.ceil(area - 1e-9);
    }
}
