package vn.partydev.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import vn.partydev.testkit.DevTokens;

/**
 * One packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as its own process, started as
 * deploy/e2e-tests starts it (profile {@code local}, the development JWT key, a free port).
 */
final class ServiceProcess implements AutoCloseable {

    final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String name, String heap, Map<String, String> env, Path logDir) throws IOException {
        Path jar = DevTokens.locate(name + "/target/quarkus-app/quarkus-run.jar");
        int port = freePort();
        Path log = logDir.resolve(name + "-" + port + ".log");
        Files.createDirectories(logDir);
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx" + heap, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("QUARKUS_PROFILE", "local");
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("JWT_PUBLIC_KEY_LOCATION",
                DevTokens.locate("deploy/local/dev-jwt/public-key.pem").toString());
        builder.environment().putAll(environment);
        return new ServiceProcess(name, port, builder.start(), log);
    }

    String url() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Waits until /q/health/ready answers 200 (database and Kafka reachable), or fails naming the log. */
    void awaitReady(Duration deadline) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + deadline + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
