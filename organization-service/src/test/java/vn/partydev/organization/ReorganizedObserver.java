package vn.partydev.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.partydev.organization.domain.Reorganized;

/** Records the Reorganized CDI events fired inside reorganizations, as the roster's observer would see them. */
@ApplicationScoped
public class ReorganizedObserver {

    final List<Reorganized> seen = new CopyOnWriteArrayList<>();

    void on(@Observes Reorganized event) {
        seen.add(event);
    }

    Reorganized find(String reorganizationId) {
        return seen.stream().filter(e -> e.reorganizationId().toString().equals(reorganizationId)).findFirst()
                .orElseThrow(() -> new AssertionError("No Reorganized event " + reorganizationId));
    }
}
