package vn.partydev.candidate;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.partydev.testkit.RealInfrastructure;

/** Every test of this service runs against a real PostgreSQL database and a real Kafka broker. */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
