package org.tongxin.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started and stopped by a test,
 * in its own JVM with the shipped JVM options and the prod profile, configured through a file as an
 * operator would ({@code quarkus.config.locations}); for walks that need restarts with another
 * configuration. Its output goes to {@code target/it/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path APP = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private static final Path JVM_OPTIONS = Path.of("deploy/jvm.options").toAbsolutePath();
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service with this configuration and waits until it is ready. */
    public static ServiceProcess start(String name, Map<String, String> config) throws IOException, InterruptedException {
        Path dir = Path.of("target/it").toAbsolutePath();
        Files.createDirectories(dir);
        int port = freePort();
        Path file = dir.resolve(name + ".properties");
        Files.writeString(file, config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "@" + JVM_OPTIONS, "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.config.locations=" + file.toUri(), "-jar", APP.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        ServiceProcess service = new ServiceProcess(p, port);
        service.awaitReady(name);
        return service;
    }

    public int port() {
        return port;
    }

    private void awaitReady(String name) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start; see target/it/" + name + ".log");
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready")
                        .toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + READY_WITHIN + "; see target/it/" + name + ".log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Kills the service at once (SIGKILL): no shutdown hook, no transaction finishes, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the service as an orchestrator would (SIGTERM, then a kill after 30 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
