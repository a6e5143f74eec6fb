package org.tongxin.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL server of the test's own (initdb in a temporary directory, a free port), that a
 * test may stop and start again under load. Uses the machine's PostgreSQL binaries; as root they
 * run as the postgres user, as PostgreSQL requires.
 */
public class OwnPostgres implements QuarkusTestResourceLifecycleManager {

    private static Path dir;
    private static int port;
    private static String bin;

    @Override
    public Map<String, String> start() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            bin = Arrays.stream(new File("/usr/lib/postgresql").listFiles())
                    .max(Comparator.comparing(File::getName)).orElseThrow().toPath().resolve("bin").toString();
            dir = Files.createTempDirectory("tongxin-pg");
            if (root()) {
                run("chown", "-R", "postgres:postgres", dir.toString());
            }
            asPostgres(bin + "/initdb", "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres", "--no-sync");
            startServer();
            asPostgres(bin + "/createdb", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "tongxin_outage");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/tongxin_outage");
    }

    @Override
    public void stop() {
        stopServer();
    }

    public static void startServer() {
        asPostgres(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-l", dir.resolve("log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** A fast shutdown: open sessions are ended, as in a restart for maintenance or a failover. */
    public static void stopServer() {
        asPostgres(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-m", "fast", "stop");
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
