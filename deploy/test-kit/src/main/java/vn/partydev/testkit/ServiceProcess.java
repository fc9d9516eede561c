package vn.partydev.testkit;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as its own process, as a user
 * runs it: profile {@code local} unless the environment says otherwise, the development JWT key, a free
 * port, its output in a log file. Used by the end-to-end tests and the benchmarks.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The JVM options every service starts with, wherever it runs (a java {@code @argfile}; ADR 0165). */
    public static final String JVM_OPTIONS = "deploy/service-jvm.options";

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code name} with a 384 MB heap, logging under target/e2e-logs. */
    public static ServiceProcess start(String name, Map<String, String> env) throws IOException {
        return start(name, "384m", env, Path.of("target/e2e-logs"));
    }

    public static ServiceProcess start(String name, String heap, Map<String, String> env, Path logDir)
            throws IOException {
        return start(name, heap, env, logDir, Jvm.current());
    }

    /**
     * The java that runs a service and the options it gets after the shared ones (deploy/service-jvm.options):
     * the benchmark's {@code serviceJava=} and {@code serviceJvm=}, to measure the services on another runtime
     * while the benchmark's own JVM (load generator, broker) stays the same.
     */
    public record Jvm(String java, List<String> options) {
        public Jvm {
            options = List.copyOf(options);
        }

        /** This JVM's own java ({@code java.home}) and no extra options: what the tests use. */
        public static Jvm current() {
            return new Jvm(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                    List.of());
        }
    }

    /** Starts {@code name} on {@code jvm}, with the shared JVM options, then {@code jvm}'s, then a fixed heap. */
    public static ServiceProcess start(String name, String heap, Map<String, String> env, Path logDir, Jvm jvm)
            throws IOException {
        Path jar = DevTokens.locate(name + "/target/quarkus-app/quarkus-run.jar");
        int port = freePort();
        Path log = logDir.resolve(name + "-" + port + ".log");
        Files.createDirectories(logDir);
        // The services' JVM options (deploy/service-jvm.options, ADR 0165), then a fixed heap of the given size.
        Path jvmOptions = DevTokens.locate(JVM_OPTIONS);
        List<String> command = new ArrayList<>(List.of(jvm.java(), "@" + jvmOptions));
        command.addAll(jvm.options());
        command.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
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

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Waits until /q/health/ready answers 200 (database and Kafka reachable), or fails with the log. */
    public void awaitReady(Duration deadline) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + output());
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
        throw new AssertionError(name + " was not ready within " + deadline + ":\n" + output());
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
