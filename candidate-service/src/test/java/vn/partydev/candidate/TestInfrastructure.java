package vn.partydev.candidate;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.partydev.testkit.RealInfrastructure;

/**
 * Every test of this service runs against a real PostgreSQL database and a real Kafka broker, with
 * organization-service (an external system for this service) stood up as a small HTTP server.
 */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
@QuarkusTestResource(FakeOrganizationService.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
