package vn.partydev.kit.inbox;

/** An event that can never be applied (malformed, unknown reference, impossible state): park it. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
