package vn.partydev.e2e;

import vn.partydev.testkit.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.partydev.testkit.EmbeddedKafka;
import vn.partydev.testkit.EmbeddedPostgres;

/**
 * The three packaged services, started once for all end-to-end tests of this JVM on one PostgreSQL server
 * (a database each) and one Kafka broker, and stopped when the JVM exits.
 */
final class RunningSystem {

    private static RunningSystem instance;

    final String kafka;
    final ServiceProcess organizations;
    final ServiceProcess candidates;
    final ServiceProcess reports;

    private RunningSystem() throws Exception {
        kafka = EmbeddedKafka.bootstrapServers();
        organizations = ServiceProcess.start("organization-service", env("organization"));
        Map<String, String> candidateEnv = new java.util.HashMap<>(env("candidate"));
        candidateEnv.put("ORGANIZATION_SERVICE_URL", organizations.url());
        candidates = ServiceProcess.start("candidate-service", candidateEnv);
        reports = ServiceProcess.start("reporting-service", env("reporting"));
        // Registered before the wait: a service that never gets ready must not leave the other two running after
        // the test JVM ends (seen on a loaded machine: an orphaned reporting-service outlived the failed run).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services().forEach(ServiceProcess::close)));
        for (ServiceProcess service : services()) {
            // A bound, not a pause: three JVMs starting at once on 2 busy cores have needed more than two minutes.
            service.awaitReady(Duration.ofSeconds(300));
        }
    }

    static synchronized RunningSystem get() throws Exception {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    List<ServiceProcess> services() {
        return List.of(organizations, candidates, reports);
    }

    Map<String, String> env(String database) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", EmbeddedPostgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "KAFKA_BOOTSTRAP_SERVERS", kafka);
    }
}
