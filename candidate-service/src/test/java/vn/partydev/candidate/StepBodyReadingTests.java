package vn.partydev.candidate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.OrganizationReplica;
import vn.partydev.testkit.DevTokens;

/**
 * A step's body is read on the event loop before the step runs (ADR 0190). These requests are written byte by byte
 * on a socket, so the body can arrive after the headers, in chunks, or not at all; each answer is the one the step
 * gave before the change.
 */
@QuarkusTest
class StepBodyReadingTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String STEP = "{\"date\":\"2024-03-05\"}";

    static UUID cell;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @BeforeEach
    void organizations() {
        if (cell == null) {
            cell = Api.tree(bootstrap, replica).cell();
        }
    }

    @Test
    void aBodySentOnlyAfter100ContinueIsReadAndTheStepTaken() throws IOException {
        UUID id = Api.register("secretary", cell, Api.candidate(cell));
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(id, "Content-Length: " + STEP.length() + "\r\nExpect: 100-continue\r\n"));
            out.flush();
            // The client waits for the server's go-ahead: the route runs before any byte of the body exists.
            Answer interim = Answer.read(socket.getInputStream());
            assertEquals(100, interim.status);
            byte[] body = STEP.getBytes(StandardCharsets.UTF_8);
            out.write(body, 0, 7);
            out.flush();
            out.write(body, 7, body.length - 7);
            out.flush();
            Answer answer = Answer.read(socket.getInputStream());
            assertEquals(200, answer.status, answer.body);
            assertEquals("\"1\"", answer.headers.get("etag"));
        }
    }

    @Test
    void aChunkedBodyGoesToTheResourceAsBeforeAndTheStepIsTaken() throws IOException {
        UUID id = Api.register("secretary", cell, Api.candidate(cell));
        String chunked = Integer.toHexString(10) + "\r\n" + STEP.substring(0, 10) + "\r\n"
                + Integer.toHexString(STEP.length() - 10) + "\r\n" + STEP.substring(10) + "\r\n0\r\n\r\n";
        Answer answer = send(id, "Transfer-Encoding: chunked\r\n", chunked);
        assertEquals(200, answer.status, answer.body);
        assertEquals("\"1\"", answer.headers.get("etag"));
    }

    @Test
    void anEmptyBodyIsRefusedWithAProblemAndNothingWritten() throws IOException {
        UUID id = Api.register("secretary", cell, Api.candidate(cell));
        Answer answer = send(id, "Content-Length: 0\r\n", "");
        assertEquals(400, answer.status, answer.body);
        assertTrue(answer.headers.get("content-type").startsWith("application/problem+json"), answer.body);
        Api.as("viewer", cell).get("/api/v1/candidates/{id}", id).then().body("version", equalTo(0));
    }

    @Test
    void anEmptyChunkedBodyIsRefusedWithAProblem() throws IOException {
        UUID id = Api.register("secretary", cell, Api.candidate(cell));
        Answer answer = send(id, "Transfer-Encoding: chunked\r\n", "0\r\n\r\n");
        assertEquals(400, answer.status, answer.body);
        assertTrue(answer.headers.get("content-type").startsWith("application/problem+json"), answer.body);
    }

    /**
     * The JDK's client upgrades to h2c (HTTP/2 without TLS) on a plain http:// address, as the demo loader of
     * {@code deploy/local} does: its registrations and steps are answered as over HTTP/1.1. (Reading an HTTP/2 body
     * ahead of Quarkus REST answered them 500.)
     */
    @Test
    void registrationsAndStepsOverHttp2AreAnswered() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String bearer = DevTokens.bearer("secretary", cell);
        HttpClient.Version last = null;
        for (int i = 0; i < 3; i++) {
            String registration = JSON.writeValueAsString(Api.candidate(cell));
            HttpResponse<String> registered = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + "/api/v1/candidates"))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(registration)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, registered.statusCode(), registered.body());
            String id = JSON.readTree(registered.body()).path("id").asText();
            HttpResponse<String> step = client.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + RestAssured.port + "/api/v1/candidates/" + id + "/actions/recognize-sympathizer"))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(STEP)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, step.statusCode(), step.body());
            last = step.version();
        }
        assertEquals(HttpClient.Version.HTTP_2, last, "the client never upgraded: the test proves nothing");
    }

    @Test
    void anExpectationOtherThan100ContinueIsLeftToTheResourceAsBefore() throws IOException {
        UUID id = Api.register("secretary", cell, Api.candidate(cell));
        Answer answer = send(id, "Content-Length: " + STEP.length() + "\r\nExpect: x-unknown\r\n", STEP);
        assertEquals(200, answer.status, answer.body);
    }

    /** Sends a step with these framing headers and raw body bytes in one write, and reads the answer. */
    private static Answer send(UUID id, String framing, String body) throws IOException {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(head(id, framing));
            socket.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return Answer.read(socket.getInputStream());
        }
    }

    private static Socket socket() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static byte[] head(UUID id, String framing) {
        return ("POST /api/v1/candidates/" + id + "/actions/recognize-sympathizer HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: " + DevTokens.bearer("secretary", cell) + "\r\n"
                + "Content-Type: application/json\r\n" + framing + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One HTTP/1.1 answer read off the socket: status, headers (lower-case names) and a Content-Length body. */
    private record Answer(int status, Map<String, String> headers, String body) {

        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            return new Answer(Integer.parseInt(statusLine.substring(9, 12)), headers,
                    new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("Connection closed in the middle of an answer");
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
