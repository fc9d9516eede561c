package vn.partydev.kit.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Idempotency-Key claims this process holds for requests it is running now, and the id it signs its claims
 * with ({@code idempotency_record.claimed_by}). A claim signed by this process whose request is not running any
 * more belongs to an attempt that ended without its answer being kept (typically: the database went away, so
 * neither the answer nor the release of the claim could be written) and may be taken over at once instead of
 * after {@code stale-claim-after} (ADR 0177). A claim signed by another process (another replica, or this
 * service before a restart) cannot be judged from here and still waits until it is stale.
 */
@ApplicationScoped
public class ClaimsInFlight {

    private final UUID instance = UUID.randomUUID();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** The id this process writes into the claims it takes. */
    public UUID instance() {
        return instance;
    }

    void begin(String caller, String key) {
        running.add(entry(caller, key));
    }

    void end(String caller, String key) {
        running.remove(entry(caller, key));
    }

    /** Whether a claim signed by {@code claimedBy} is ours and its request is still running here. */
    boolean runningHere(UUID claimedBy, String caller, String key) {
        return instance.equals(claimedBy) && running.contains(entry(caller, key));
    }

    /** Whether a claim signed by {@code claimedBy} is known to be abandoned: ours, and its request has ended. */
    boolean abandoned(UUID claimedBy, String caller, String key) {
        return instance.equals(claimedBy) && !running.contains(entry(caller, key));
    }

    private static String entry(String caller, String key) {
        return caller + '\u0000' + key;
    }
}
