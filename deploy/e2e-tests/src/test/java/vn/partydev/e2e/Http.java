package vn.partydev.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP calls for the end-to-end tests that look at status, media type and raw bytes of every answer. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: status, Content-Type, ETag and the body as bytes. */
    record Answer(int status, String contentType, String etag, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + " " + contentType + "): " + shortText(), e);
            }
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        String shortText() {
            String text = text();
            return text.length() > 400 ? text.substring(0, 400) + "…" : text;
        }
    }

    /** A request being built: method, URL, token and the optional parts. */
    static final class Call {
        private final String method;
        private final String url;
        private String token;
        private String body;
        private String contentType = "application/json";
        private String accept;
        private String ifMatch;
        private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

        private Call(String method, String url) {
            this.method = method;
            this.url = url;
        }

        Call token(String bearer) {
            this.token = bearer;
            return this;
        }

        Call body(String json) {
            this.body = json;
            return this;
        }

        Call contentType(String type) {
            this.contentType = type;
            return this;
        }

        Call accept(String type) {
            this.accept = type;
            return this;
        }

        Call header(String name, String value) {
            this.headers.put(name, value);
            return this;
        }

        Call ifMatch(String etag) {
            this.ifMatch = etag;
            return this;
        }

        Answer send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (token != null) {
                request.header("Authorization", token);
            }
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            if (accept != null) {
                request.header("Accept", accept);
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            headers.forEach(request::header);
            IOException last = null;
            // A connection the server closed while the client reused it (keep-alive race) is tried once more.
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    return new Answer(response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(""),
                            response.headers().firstValue("ETag").orElse(null), response.body());
                } catch (IOException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException(method + " " + url + " failed twice", last);
        }

        /** Sends and insists on {@code expected}; answers the body as JSON. */
        JsonNode expect(int expected) {
            Answer answer = send();
            if (answer.status() != expected) {
                throw new AssertionError(method + " " + url + " → " + answer.status() + " (expected " + expected
                        + "): " + answer.shortText() + (body == null ? "" : "\n  body: " + body));
            }
            return answer.bytes().length == 0 ? null : answer.json();
        }
    }

    static Call get(String url) {
        return new Call("GET", url);
    }

    static Call call(String method, String url) {
        return new Call(method, url);
    }

    private Http() {
    }
}
