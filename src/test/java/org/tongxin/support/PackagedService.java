package org.tongxin.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * What the packaged service needs to start in the prod profile, as an operator would give it: a
 * database of its own (created empty, so the start also migrates it), a Redis database of its own
 * (flushed), fresh personal-data keys, WeChat credentials (WeChat itself is {@link WeChatStub}), a
 * strong one-time bootstrap admin code and 127.0.0.1 as the trusted ingress; the JWT key pair is the
 * one Quarkus's test support generates. The secrets go to the service in a file
 * ({@code quarkus.config.locations}), not on its command line, which the test launcher prints.
 * Used by the integration tests, which run against {@code quarkus-run.jar} in its own JVM.
 */
public class PackagedService implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "tongxin_it";
    static final int REDIS_DB = 13;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Path DIR = Path.of("target/it").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        try {
            freshDatabase(DATABASE);
            flushRedis(REDIS_DB);
            Files.createDirectories(DIR);
            String bootstrapCode = "it-" + HexFormat.of().formatHex(bytes(12));
            Files.writeString(DIR.resolve("bootstrap-code"), bootstrapCode);
            Path secrets = DIR.resolve("secrets.properties");
            Files.writeString(secrets, String.join("\n",
                    "tongxin.wechat.secret=it-secret",
                    "tongxin.pii.encryption-key=" + Base64.getEncoder().encodeToString(bytes(32)),
                    "tongxin.pii.hash-key=" + Base64.getEncoder().encodeToString(bytes(48)),
                    "tongxin.auth.bootstrap-admin-code=" + bootstrapCode, ""));

            Map<String, String> config = new HashMap<>();
            config.put("quarkus.config.locations", secrets.toUri().toString());
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
            config.put("quarkus.redis.hosts", "redis://127.0.0.1:6379/" + REDIS_DB);
            config.put("tongxin.wechat.app-id", "wx-test-app");
            config.put("tongxin.http.trusted-proxies", "127.0.0.1,::1");
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the packaged service's surroundings", e);
        }
    }

    /** The bootstrap admin code the service was started with: its first acceptor becomes DISTRICT_ADMIN. */
    public static String bootstrapCode() throws IOException {
        return Files.readString(DIR.resolve("bootstrap-code"));
    }

    /** Drops and creates an empty database on the local PostgreSQL. */
    public static void freshDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }

    /** SELECT and FLUSHDB in Redis's own protocol: the test JVM has no Redis client of its own. */
    public static void flushRedis(int redisDb) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            OutputStream out = socket.getOutputStream();
            String db = Integer.toString(redisDb);
            out.write(("*2\r\n$6\r\nSELECT\r\n$" + db.length() + "\r\n" + db + "\r\n*1\r\n$7\r\nFLUSHDB\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String replies = readLines(in, 2);
            if (!replies.equals("+OK\r\n+OK\r\n")) {
                throw new IOException("Redis answered " + replies.strip());
            }
        }
    }

    private static String readLines(InputStream in, int lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        int seen = 0;
        while (seen < lines) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
            if (b == '\n') {
                seen++;
            }
        }
        return sb.toString();
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @Override
    public void stop() {
    }
}
