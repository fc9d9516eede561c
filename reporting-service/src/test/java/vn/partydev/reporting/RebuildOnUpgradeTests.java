package vn.partydev.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.partydev.reporting.application.RebuildJobs;
import vn.partydev.reporting.application.RebuildOnUpgrade;
import vn.partydev.reporting.projection.ProjectionVersion;

/** An upgrade whose projection version is newer than the tables' rebuilds them without an operator. */
@QuarkusTest
class RebuildOnUpgradeTests {

    @Inject
    RebuildOnUpgrade upgrade;

    @Inject
    RebuildJobs jobs;

    @Inject
    ProjectionVersion version;

    @Inject
    EntityManager em;

    @Test
    void nothingHappensWhenTheTablesAreCurrent() {
        assertEquals(ProjectionVersion.CURRENT, (int) QuarkusTransaction.requiringNew().call(version::stored));
        assertTrue(upgrade.rebuildIfOutdated().isEmpty());
    }

    @Test
    void tablesOfAnOlderProjectionAreRebuiltAndTheVersionRecorded() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE projection_version SET version = ?1").setParameter(1, ProjectionVersion.CURRENT - 1)
                .executeUpdate());
        Optional<RebuildJobs.Job> started = upgrade.rebuildIfOutdated();
        assertTrue(started.isPresent());
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"RUNNING".equals(jobs.find(started.get().id()).orElseThrow().status()));
        assertEquals("SUCCEEDED", jobs.find(started.get().id()).orElseThrow().status());
        assertEquals(ProjectionVersion.CURRENT, (int) QuarkusTransaction.requiringNew().call(version::stored));
    }
}
