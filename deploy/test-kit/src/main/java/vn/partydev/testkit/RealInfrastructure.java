package vn.partydev.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test application at a real PostgreSQL database and a real Kafka broker. Use with
 * {@code @QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database",
 * value = "organization"))}.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String jdbcUrl = EmbeddedPostgres.jdbcUrl(database);
        String kafka = EmbeddedKafka.bootstrapServers();
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", kafka);
    }

    @Override
    public void stop() {
        // The server and broker live for the whole JVM and stop in a shutdown hook.
    }
}
