package vn.partydev.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.partydev.testkit.ServiceProcess;

/**
 * The benchmark's settings, from {@code key=value} arguments (or {@code -Dbench.key=value}); every one has a
 * default so that a bare run is the documented configuration.
 */
record Options(int threads, int cells, int candidates, int registerThreads, int warmupSeconds, int rampSeconds,
               int durationSeconds, int rate, List<Integer> rates, List<Integer> threadsPerPhase, int steps, String serviceHeap, int drainSeconds,
               String client, String services, String candidateJvm, String serviceJava, String serviceJvm) {

    static Options parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("bench.")) {
                given.put(k.toString().substring("bench.".length()), v.toString());
            }
        });
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Expected key=value, got " + arg);
            }
            given.put(kv[0], kv[1]);
        }
        String phases = given.remove("rates");
        List<Integer> rates = phases == null ? List.of(integer(given, "rate", 0))
                : Arrays.stream(phases.split(",")).map(String::strip).map(Integer::parseInt).toList();
        String threadList = given.remove("threads");
        List<Integer> threads = threadList == null ? List.of(32)
                : Arrays.stream(threadList.split(",")).map(String::strip).map(Integer::parseInt).toList();
        if (threads.size() != 1 && threads.size() != rates.size()) {
            throw new IllegalArgumentException("threads: one value, or one per phase of rates");
        }
        int warmup = integer(given, "warmup", 20);
        // ADR 0178: the paced rate ramps from 10 % to 100 % over the warm-up's first 30 s (all of a shorter warm-up)
        int ramp = integer(given, "ramp", Math.min(30, warmup));
        Options o = new Options(
                threads.get(0),
                integer(given, "cells", 20),
                integer(given, "candidates", 30_000),
                integer(given, "registerThreads", 16),
                warmup,
                ramp,
                integer(given, "duration", 60),
                rates.get(0),
                rates,
                threads,
                integer(given, "steps", 3),
                given.getOrDefault("serviceHeap", "512m"),
                integer(given, "drain", 60),
                given.getOrDefault("client", "lean"),
                given.getOrDefault("services", "all"),
                given.getOrDefault("candidateJvm", ""),
                given.getOrDefault("serviceJava", ""),
                given.getOrDefault("serviceJvm", ""));
        given.remove("serviceHeap");
        given.remove("serviceJava");
        given.remove("serviceJvm");
        given.remove("client");
        given.remove("services");
        given.remove("candidateJvm");
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("Unknown setting(s): " + given.keySet());
        }
        if (!o.client.equals("lean") && !o.client.equals("jdk")) {
            throw new IllegalArgumentException("client must be lean (LeanHttp, ADR 0131) or jdk (java.net.http, "
                    + "the client of the runs before 2026-12-06)");
        }
        if (!o.services.equals("all") && !o.services.equals("pipeline")) {
            throw new IllegalArgumentException("services must be all (the three services) or pipeline "
                    + "(organization-service and candidate-service only, no reporting-service)");
        }
        if (o.steps < 1 || o.steps > Steps.ALL.size()) {
            throw new IllegalArgumentException("steps must be 1.." + Steps.ALL.size());
        }
        if (threads.stream().anyMatch(n -> n < 1 || n > 512) || o.cells < 1 || o.cells > 1000 || o.candidates < 1
                || o.candidates > 1_000_000 || o.durationSeconds < 1 || o.durationSeconds > 3600
                || rates.isEmpty() || rates.size() > 5 || rates.stream().anyMatch(r -> r < 0 || r > 100_000)
                || o.warmupSeconds < 0 || o.warmupSeconds > 600 || o.drainSeconds < 1 || o.drainSeconds > 600) {
            throw new IllegalArgumentException("A setting is out of range: " + o);
        }
        if (!o.serviceJava.isBlank() && !Files.isExecutable(Path.of(o.serviceJava))) {
            throw new IllegalArgumentException("serviceJava must be a java executable, e.g. "
                    + "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; not found: " + o.serviceJava);
        }
        if (o.rampSeconds < 0 || o.rampSeconds > o.warmupSeconds) {
            throw new IllegalArgumentException("ramp must be 0 (the full rate from the first second) .. warmup (the "
                    + "ramp is part of the warm-up, ADR 0178); with warmup=" + o.warmupSeconds + " give ramp="
                    + Math.min(30, o.warmupSeconds) + " or less");
        }
        return o;
    }

    private static int integer(Map<String, String> given, String key, int fallback) {
        String value = given.remove(key);
        return value == null ? fallback : Integer.parseInt(value.strip());
    }

    /** The settings of one phase: its rate (0 = closed loop) and its number of client threads. */
    Options forPhase(int phase) {
        int phaseRate = rates.get(phase);
        int phaseThreads = threadsPerPhase.get(Math.min(phase, threadsPerPhase.size() - 1));
        return new Options(phaseThreads, cells, candidates, registerThreads, warmupSeconds, rampSeconds, durationSeconds,
                phaseRate,
                rates, threadsPerPhase, steps, serviceHeap, drainSeconds, client, services, candidateJvm, serviceJava,
                serviceJvm);
    }

    /**
     * The java the services run on ({@code serviceJava=}, default the benchmark's own) and the options every
     * service gets after deploy/service-jvm.options ({@code serviceJvm=}, separated by spaces). The benchmark's
     * own JVM (load generator, event watcher, Kafka broker) is whatever runs it.
     */
    ServiceProcess.Jvm serviceRuntime() {
        ServiceProcess.Jvm own = ServiceProcess.Jvm.current();
        return new ServiceProcess.Jvm(serviceJava.isBlank() ? own.java() : serviceJava,
                serviceJvm.isBlank() ? List.of() : List.of(serviceJvm.strip().split("\\s+")));
    }

    /** Whether reporting-service runs (and consumes the events) besides the two services of the pipeline. */
    boolean withReporting() {
        return services.equals("all");
    }

    /** Closed loop (each thread sends its next action when the previous one answered) or a fixed total rate. */
    boolean paced() {
        return rate > 0;
    }
}
