package vn.partydev.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Issue 6's end-to-end load: users of many different organizations (each virtual user has the token of one
 * organization: a province, a đảng bộ xã, a tổ chức cơ sở or a chi bộ) read the tree and candidates, take pipeline
 * actions with If-Match from the ETag, and ask for reports (JSON and CSV). Open model: new users arrive at fixed
 * rates, so a slow system is charged for it. Settings come from system properties that {@link LoadRun} sets
 * (service URLs, the feeder files it wrote, rates and duration).
 */
public class MixedLoadSimulation extends Simulation {

    private static final String ORGS = System.getProperty("load.organizationUrl", "http://localhost:8081");
    private static final String CANDIDATES = System.getProperty("load.candidateUrl", "http://localhost:8082");
    private static final String REPORTS = System.getProperty("load.reportingUrl", "http://localhost:8083");
    private static final String DIR = System.getProperty("load.feeders", "target/load");
    private static final int SECONDS = Integer.getInteger("load.duration", 120);
    private static final double READERS = Double.parseDouble(System.getProperty("load.readers", "6"));
    private static final double ACTORS = Double.parseDouble(System.getProperty("load.actors", "4"));
    private static final double REPORTERS = Double.parseDouble(System.getProperty("load.reporters", "3"));
    private static final int LAST_YEAR = Integer.getInteger("load.lastYear", LocalDate.now().getYear() - 1);
    private static final LocalDate TODAY = LocalDate.now();

    private final FeederBuilder<String> users = csv(DIR + "/users.csv").random();
    private final FeederBuilder<String> pool = csv(DIR + "/pool.csv").queue();

    private final HttpProtocolBuilder protocol = http.acceptHeader("application/json")
            .userAgentHeader("partydev-load/gatling").shareConnections();

    /** Tree and candidate reads by a viewer of the organization. */
    private final ChainBuilder reads = exec(
            http("org subtree depth 2").get(ORGS + "/api/v1/organizations/#{orgId}/subtree?depth=2")
                    .header("Authorization", "Bearer #{viewerToken}").check(status().is(200)),
            http("org children").get(ORGS + "/api/v1/organizations/#{orgId}/children")
                    .header("Authorization", "Bearer #{viewerToken}").check(status().is(200)),
            http("org search (no diacritics)").get(ORGS + "/api/v1/organizations?q=#{search}&size=20")
                    .header("Authorization", "Bearer #{viewerToken}").check(status().is(200)),
            http("candidate list").get(CANDIDATES + "/api/v1/candidates?organizationId=#{orgId}&size=20")
                    .header("Authorization", "Bearer #{viewerToken}")
                    .check(status().is(200), jsonPath("$.items[0].id").optional().saveAs("candidateId")))
            .doIf(session -> session.contains("candidateId")).then(exec(
                    http("candidate").get(CANDIDATES + "/api/v1/candidates/#{candidateId}")
                            .header("Authorization", "Bearer #{viewerToken}").check(status().is(200))));

    /** Report queries over the user's subtree, and a CSV export by an integration client of the same node. */
    private final ChainBuilder reports = exec(
            http("report admissions by year").get(REPORTS + "/api/v1/reports/admissions?organizationId=#{orgId}"
                            + "&fromYear=" + (LAST_YEAR - 9) + "&toYear=" + LAST_YEAR + "&groupBy=year")
                    .header("Authorization", "Bearer #{viewerToken}").check(status().is(200)),
            http("report admissions by gender, ethnicity").get(REPORTS + "/api/v1/reports/admissions?organizationId="
                            + "#{orgId}&fromYear=" + (LAST_YEAR - 4) + "&toYear=" + LAST_YEAR + "&groupBy=gender,ethnicity")
                    .header("Authorization", "Bearer #{viewerToken}").check(status().is(200)),
            http("report targets").get(REPORTS + "/api/v1/reports/targets?organizationId=#{orgId}&year=" + LAST_YEAR)
                    .header("Authorization", "Bearer #{viewerToken}").check(status().is(200)),
            http("report pipeline").get(REPORTS + "/api/v1/reports/pipeline?organizationId=#{orgId}")
                    .header("Authorization", "Bearer #{viewerToken}").check(status().is(200)),
            http("report admissions CSV export").get(REPORTS + "/api/v1/reports/admissions?organizationId=#{orgId}"
                            + "&fromYear=" + (LAST_YEAR - 9) + "&toYear=" + LAST_YEAR + "&groupBy=year,kind")
                    .header("Authorization", "Bearer #{integrationToken}").header("Accept", "text/csv")
                    .check(status().is(200)));

    /**
     * A chi bộ secretary takes three steps on a fresh candidate of their chi bộ, each with If-Match from the ETag of
     * the previous answer (a stale one would answer 412).
     */
    private final ChainBuilder actions = exec(
            http("candidate before actions").get(CANDIDATES + "/api/v1/candidates/#{candidateId}")
                    .header("Authorization", "Bearer #{secretaryToken}")
                    .check(status().is(200), header("ETag").saveAs("etag")),
            http("action recognize-sympathizer").post(CANDIDATES
                            + "/api/v1/candidates/#{candidateId}/actions/recognize-sympathizer")
                    .header("Authorization", "Bearer #{secretaryToken}").header("If-Match", "#{etag}")
                    .body(StringBody("{\"date\":\"" + TODAY.minusDays(90) + "\",\"decision\":{\"number\":\"05-NQ/CB\","
                            + "\"date\":\"" + TODAY.minusDays(90) + "\",\"issuer\":\"Chi bộ\"}}")).asJson()
                    .check(status().is(200), header("ETag").saveAs("etag")),
            http("action complete-awareness-course").post(CANDIDATES
                            + "/api/v1/candidates/#{candidateId}/actions/complete-awareness-course")
                    .header("Authorization", "Bearer #{secretaryToken}").header("If-Match", "#{etag}")
                    .body(StringBody("{\"date\":\"" + TODAY.minusDays(60) + "\",\"certificateNumber\":\"CN-NTVĐ "
                            + "#{candidateId}\",\"certificateDate\":\"" + TODAY.minusDays(60) + "\"}")).asJson()
                    .check(status().is(200), header("ETag").saveAs("etag")),
            http("action submit-application").post(CANDIDATES
                            + "/api/v1/candidates/#{candidateId}/actions/submit-application")
                    .header("Authorization", "Bearer #{secretaryToken}").header("If-Match", "#{etag}")
                    .body(StringBody("{\"date\":\"" + TODAY.minusDays(30) + "\"}")).asJson()
                    .check(status().is(200)));

    private final ScenarioBuilder readers = scenario("readers: tree and candidates").feed(users).exec(reads);
    private final ScenarioBuilder reporters = scenario("report queries").feed(users).exec(reports);
    private final ScenarioBuilder actors = scenario("pipeline actions").feed(pool).exec(actions);

    {
        Duration ramp = Duration.ofSeconds(Math.min(15, SECONDS / 4));
        Duration steady = Duration.ofSeconds(SECONDS).minus(ramp);
        setUp(
                readers.injectOpen(rampUsersPerSec(0.5).to(READERS).during(ramp),
                        constantUsersPerSec(READERS).during(steady)),
                reporters.injectOpen(rampUsersPerSec(0.5).to(REPORTERS).during(ramp),
                        constantUsersPerSec(REPORTERS).during(steady)),
                actors.injectOpen(rampUsersPerSec(0.5).to(ACTORS).during(ramp),
                        constantUsersPerSec(ACTORS).during(steady)))
                .protocols(protocol);
    }
}
