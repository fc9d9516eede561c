package vn.partydev.e2e;

import vn.partydev.testkit.ServiceProcess;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partydev.testkit.DevTokens;

/**
 * Drives every operation of every service's own OpenAPI document with malformed and boundary input — wrong
 * types, missing fields, huge strings, invalid UTF-8, unknown enum values, out-of-range dates, foreign ids —
 * as a national administrator and without a token. Not one answer may be a 5xx, and every error must be
 * problem+json. New endpoints are covered as soon as they are in the OpenAPI document.
 */
class OpenApiFuzzIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Failure(String service, String request, int status, String contentType, String body) {
        @Override
        public String toString() {
            String shortRequest = request.length() > 220 ? request.substring(0, 220) + "…" : request;
            return status + " " + contentType + " ← " + shortRequest + " : "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    @Test
    void noOperationAnswers5xxOrAnythingButProblemJsonOnBadInput() throws Exception {
        RunningSystem system = RunningSystem.get();
        String admin = "Bearer " + DevTokens.token("admin", null);
        List<Failure> failures = new ArrayList<>();
        int requests = 0;
        Random random = new Random(20261122L);
        for (ServiceProcess service : system.services()) {
            JsonNode openApi = JSON.readTree(send(service.url() + "/q/openapi?format=json", "GET", null, null,
                    null).body());
            Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
                while (operations.hasNext()) {
                    Map.Entry<String, JsonNode> operation = operations.next();
                    String method = operation.getKey().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    for (String url : urls(service.url(), path.getKey(), operation.getValue(), random)) {
                        for (byte[] body : bodies(method, operation.getValue(), openApi, random)) {
                            for (String token : new String[] {admin, null}) {
                                requests++;
                                HttpResponse<String> response = sendOnce(url, method, body, token);
                                if (response == null) {
                                    failures.add(new Failure(service.url(), method + " " + url, -1, "",
                                            "the connection was closed without an answer, twice"));
                                } else {
                                    check(service, method + " " + url, response, failures);
                                }
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("OpenAPI fuzzing: %d requests, %d failures%n", requests, failures.size());
        assertTrue(requests > 50, "too few requests were generated: " + requests);
        assertTrue(failures.isEmpty(), "Bad answers:\n" + String.join("\n", failures.stream()
                .limit(40).map(Failure::toString).toList()));
    }

    /**
     * One request; a connection that the server closed while the client was reusing it (a keep-alive race)
     * is tried once more on a new connection before it counts as a failure.
     */
    private static HttpResponse<String> sendOnce(String url, String method, byte[] body, String token)
            throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return send(url, method, body, token, "application/json");
            } catch (java.io.IOException closed) {
                // tried again below
            }
        }
        return null;
    }

    private static void check(ServiceProcess service, String request, HttpResponse<String> response,
                              List<Failure> failures) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        // 414 and 431 come from the HTTP layer itself (request line or headers over its limits), before any of
        // our code runs: a 4xx all the same, and there is no JSON body to read in them.
        boolean transportLimit = status == 414 || status == 431;
        boolean bad = status >= 500 || (status >= 400 && !transportLimit
                && !type.startsWith("application/problem+json"));
        if (bad) {
            failures.add(new Failure(service.url(), request, status, type, response.body()));
        }
    }

    /** The operation's URL with path parameters replaced by foreign, malformed and boundary values. */
    private static List<String> urls(String base, String template, JsonNode operation, Random random) {
        List<String> values = List.of(UUID.randomUUID().toString(), "not-a-uuid", "-1", "99999999999",
                "%C3%28", "x".repeat(300));
        List<String> urls = new ArrayList<>();
        for (String value : values) {
            String path = template.replaceAll("\\{[^}]+}", value.startsWith("%") ? value : encode(value));
            urls.add(base + path);
            urls.add(base + path + "?" + queryWithBadValues(operation, random));
        }
        return urls;
    }

    private static String queryWithBadValues(JsonNode operation, Random random) {
        List<String> bad = List.of("abc", "-1", "2024-13-45", "0000-00-00", "99999999999999999999", "ẞ漢字🙂",
                "x".repeat(5000), "", "null", "' OR 1=1 --");
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                if (!query.isEmpty()) {
                    query.append('&');
                }
                query.append(parameter.path("name").asText()).append('=')
                        .append(encode(bad.get(random.nextInt(bad.size()))));
            }
        }
        return query.toString();
    }

    /** Bodies for writes: malformed, the wrong shape, wrong types for every declared property, huge, not UTF-8. */
    private static List<byte[]> bodies(String method, JsonNode operation, JsonNode openApi, Random random) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return java.util.Collections.singletonList(null);
        }
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(utf8("{\"unterminated\": "));
        bodies.add(utf8("[1, 2, 3]"));
        bodies.add(utf8("{}"));
        bodies.add(utf8("null"));
        bodies.add(utf8("\"" + "x".repeat(100_000) + "\""));
        bodies.add(new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json")
                .path("schema"), openApi);
        JsonNode properties = schema.path("properties");
        if (properties.isObject()) {
            List<Object> wrong = List.of(12345, "not-a-date", true, Map.of("nested", 1), List.of(1, 2),
                    "x".repeat(20_000), "UNKNOWN_ENUM_VALUE", "9999-99-99", "0001-01-01", -1,
                    UUID.randomUUID().toString());
            for (int round = 0; round < 4; round++) {
                Map<String, Object> body = new java.util.LinkedHashMap<>();
                Iterator<String> names = properties.fieldNames();
                while (names.hasNext()) {
                    body.put(names.next(), wrong.get(random.nextInt(wrong.size())));
                }
                bodies.add(json(body));
            }
        }
        return bodies;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode openApi) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            JsonNode node = openApi;
            for (String part : ref.substring(2).split("/")) {
                node = node.path(part);
            }
            return node;
        }
        return schema;
    }

    private static HttpResponse<String> send(String url, String method, byte[] body, String token,
                                             String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", token);
        }
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
