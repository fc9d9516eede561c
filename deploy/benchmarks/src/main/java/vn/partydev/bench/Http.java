package vn.partydev.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain JSON calls over HTTP/1.1 keep-alive connections, as a national admin (no organizationId claim). */
final class Http {

    record Answer(int status, String body, String etag) {
    }

    /** Per request: generous, because the first requests of a cold service on a busy machine are slow. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String bearer;

    Http(String bearer) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.bearer = bearer;
    }

    /** The Authorization header value every request carries. */
    String bearer() {
        return bearer;
    }

    Answer post(String url, String json, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return answer(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Answer get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", bearer).GET().build();
        return answer(client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
    }
}
