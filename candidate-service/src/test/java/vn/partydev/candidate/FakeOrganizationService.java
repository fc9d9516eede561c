package vn.partydev.candidate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * organization-service as candidate-service sees it from outside: a small HTTP server answering the shapes of
 * api.md (member, headcount, authority). It is a genuinely external system for this service, so the tests
 * stand it up here; {@link #stop()} takes it down to prove the 503 path. Requests without a bearer token get
 * 401, which proves the caller's token is forwarded.
 */
public class FakeOrganizationService implements QuarkusTestResourceLifecycleManager {

    /** memberId → {organizationId, status}. */
    static final Map<UUID, String[]> MEMBERS = new ConcurrentHashMap<>();
    /** organizationId → eligibleVoters; 13 when not set. */
    static final Map<UUID, Integer> ELIGIBLE = new ConcurrentHashMap<>();
    static final AtomicInteger REQUESTS_WITHOUT_TOKEN = new AtomicInteger();

    private static final Pattern MEMBER = Pattern.compile("/api/v1/members/([0-9a-f-]{36})");
    private static final Pattern HEADCOUNT = Pattern.compile("/api/v1/organizations/([0-9a-f-]{36})/headcount");
    private static final Pattern AUTHORITY = Pattern.compile("/api/v1/organizations/([0-9a-f-]{36})/authority");

    private static HttpServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        port = server.getAddress().getPort();
        configure(server);
        server.start();
        return Map.of("quarkus.rest-client.organization.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** organization-service goes down: connections to its port are refused. */
    static synchronized void down() {
        server.stop(0);
    }

    /** organization-service comes back on the same port. */
    static synchronized void up() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        configure(server);
        server.start();
    }

    static void member(UUID memberId, UUID organizationId, String status) {
        MEMBERS.put(memberId, new String[] {organizationId.toString(), status});
    }

    private static void configure(HttpServer s) {
        s.createContext("/api/v1/", FakeOrganizationService::handle);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            REQUESTS_WITHOUT_TOKEN.incrementAndGet();
            respond(exchange, 401, "{\"status\":401,\"code\":\"UNAUTHORIZED\"}");
            return;
        }
        Matcher m;
        if ((m = MEMBER.matcher(path)).matches()) {
            String[] member = MEMBERS.get(UUID.fromString(m.group(1)));
            if (member == null) {
                respond(exchange, 404, "{\"status\":404,\"code\":\"NOT_FOUND\"}");
                return;
            }
            respond(exchange, 200, """
                    {"id":"%s","organizationId":"%s","fullName":"Trần Văn Bình","status":"%s",
                     "dateOfBirth":"1980-05-02","gender":"MALE"}""".formatted(m.group(1), member[0], member[1]));
        } else if ((m = HEADCOUNT.matcher(path)).matches()) {
            UUID organization = UUID.fromString(m.group(1));
            int eligible = ELIGIBLE.getOrDefault(organization, 13);
            String on = query == null ? "" : query.replace("on=", "");
            respond(exchange, 200, """
                    {"organizationId":"%s","on":"%s","official":%d,"probationary":2,"hostedTemporarily":1,
                     "exempt":0,"eligibleVoters":%d}""".formatted(organization, on, eligible, eligible));
        } else if ((m = AUTHORITY.matcher(path)).matches()) {
            respond(exchange, 200, """
                    {"organizationId":"%s","body":"STANDING_COMMITTEE","basis":"QĐ 294-QĐ/TW §4.3.2"}"""
                    .formatted(m.group(1)));
        } else {
            respond(exchange, 404, "{\"status\":404}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
