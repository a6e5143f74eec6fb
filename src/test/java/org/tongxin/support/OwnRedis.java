package org.tongxin.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;

/**
 * A Redis server of the test's own, on a free port, that a test may stop and start again to see
 * what the service does while the shared state is gone. Uses the machine's redis-server binary.
 */
public class OwnRedis implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static Process process;

    @Override
    public Map<String, String> start() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        startServer();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port + "/0");
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** Starts the server on its port and waits until it accepts connections. */
    public static synchronized void startServer() {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server could not be started", e);
        }
        waitFor(true);
    }

    public static synchronized void startServerIfStopped() {
        if (process == null) {
            startServer();
        }
    }

    /** Kills the server and waits until its port is closed. */
    public static synchronized void stopServer() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
            waitFor(false);
        }
    }

    private static void waitFor(boolean open) {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                if (open) {
                    return;
                }
            } catch (IOException closed) {
                if (!open) {
                    return;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("redis on port " + port + " did not " + (open ? "start" : "stop"));
    }
}
