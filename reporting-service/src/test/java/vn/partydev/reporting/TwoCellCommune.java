package vn.partydev.reporting;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import vn.partydev.reporting.persistence.OrganizationReplica;
import vn.partydev.reporting.projection.Restater;

/**
 * A commune with a residential and a school chi bộ, published on party.organization.v1 and restated: the tree on
 * which the ingest tests (one by one, batched, several loops) play the same history twice and compare the figures.
 */
record TwoCellCommune(UUID commune, UUID hamlet, UUID school) {

    static TwoCellCommune publish(String name, String bootstrap, OrganizationReplica replica, Restater restater) {
        TwoCellCommune c = new TwoCellCommune(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Events events = new Events(bootstrap, false);
        LocalDate founded = LocalDate.of(2010, 1, 1);
        events.organization(c.commune(), "Đảng bộ xã " + name, "GRASSROOTS_COMMITTEE", "RESIDENTIAL", null, founded);
        events.organization(c.hamlet(), "Chi bộ ấp " + name, "CELL", "RESIDENTIAL", c.commune(), founded);
        events.organization(c.school(), "Chi bộ trường " + name, "CELL", "SCHOOL", c.commune(), founded);
        await().atMost(Duration.ofSeconds(60)).until(() -> replica.on(c.school(), LocalDate.now()).isPresent());
        restater.ensureFresh();
        return c;
    }
}
