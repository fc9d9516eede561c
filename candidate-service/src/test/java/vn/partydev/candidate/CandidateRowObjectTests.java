package vn.partydev.candidate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.engine.spi.SelfDirtinessTracker;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.CandidateRows;
import vn.partydev.candidate.persistence.OrganizationReplica;

/**
 * The row a plain-JDBC step reads is a plain object that Hibernate never manages, so it keeps no list of changed
 * fields (ADR 0174): neither while its ~50 columns are read into it nor while the step changes it.
 */
@QuarkusTest
class CandidateRowObjectTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @Inject
    CandidateRows rows;

    @Test
    void theRowReadForAStepTracksNoChangedFields() {
        Api.Tree tree = Api.tree(bootstrap, replica);
        UUID id = Api.register("admin", null, Api.candidate(tree.cell()));
        CandidateEntity c = rows.withoutTransaction(connection -> rows.current(connection, id));
        assertEquals(id, c.id);
        assertEquals("OUTSTANDING_MASS", c.stage);
        SelfDirtinessTracker tracked = (SelfDirtinessTracker) (Object) c;
        assertFalse(tracked.$$_hibernate_hasDirtyAttributes());
        c.stage = "SYMPATHIZER";
        assertFalse(tracked.$$_hibernate_hasDirtyAttributes());
    }
}
