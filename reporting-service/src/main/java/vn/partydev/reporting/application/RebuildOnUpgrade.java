package vn.partydev.reporting.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.reporting.projection.ProjectionVersion;

/**
 * After an upgrade that changes the projection (ADR 0071): when the tables were produced by an older projection
 * version than the code's, starts the same rebuild an operator would start with POST /api/v1/admin/rebuild.
 * Reports keep answering from the old tables until the swap.
 */
@ApplicationScoped
public class RebuildOnUpgrade {

    private static final Logger LOG = Logger.getLogger(RebuildOnUpgrade.class);

    @Inject
    ProjectionVersion version;

    @Inject
    RebuildJobs jobs;

    @ConfigProperty(name = "reporting.rebuild-on-upgrade", defaultValue = "true")
    boolean enabled;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            rebuildIfOutdated();
        }
    }

    /** Starts a rebuild when the stored projection version is older than the code's; the job, if one started. */
    public Optional<RebuildJobs.Job> rebuildIfOutdated() {
        int stored = QuarkusTransaction.requiringNew().call(version::stored);
        if (stored >= ProjectionVersion.CURRENT) {
            return Optional.empty();
        }
        try {
            RebuildJobs.Job job = jobs.start();
            LOG.infof("Projection version %d is older than the code's %d: rebuild %s started", stored,
                    ProjectionVersion.CURRENT, job.id());
            return Optional.of(job);
        } catch (ApiException running) {
            LOG.infof("Projection version %d is older than the code's %d; a rebuild is already running", stored,
                    ProjectionVersion.CURRENT);
            return Optional.empty();
        }
    }
}
