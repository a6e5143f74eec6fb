package org.tongxin.support;

import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The configuration of a packaged service in the prod profile ({@link ServiceProcess}) for an
 * integration test of its own: a fresh database and Redis database, fresh JWT and personal-data
 * keys, WeChat on the test's stub, and a bootstrap admin code. Several processes started with it
 * are replicas of one service.
 */
public final class ProdConfig {

    private ProdConfig() {}

    public static Map<String, String> of(String name, String database, int redisDb, Map<String, String> wechat) throws Exception {
        PackagedService.freshDatabase(database);
        PackagedService.flushRedis(redisDb);
        Path dir = Files.createDirectories(Path.of("target/it").toAbsolutePath());
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair jwt = rsa.generateKeyPair();
        Map<String, String> config = new HashMap<>(wechat);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + database);
        config.put("quarkus.redis.hosts", "redis://127.0.0.1:6379/" + redisDb);
        config.put("tongxin.wechat.app-id", "wx-test-app");
        config.put("tongxin.wechat.secret", "it-secret");
        config.put("tongxin.http.trusted-proxies", "127.0.0.1,::1");
        config.put("tongxin.pii.hash-key", key());
        config.put("tongxin.auth.bootstrap-admin-code", name + "-" + HexFormat.of().formatHex(Base64.getDecoder().decode(key()), 0, 12));
        config.put("smallrye.jwt.sign.key.location", pem(dir.resolve(name + "-private.pem"), "PRIVATE KEY",
                jwt.getPrivate().getEncoded()).toString());
        config.put("mp.jwt.verify.publickey.location", pem(dir.resolve(name + "-public.pem"), "PUBLIC KEY",
                jwt.getPublic().getEncoded()).toString());
        RestAssured.baseURI = "http://127.0.0.1";
        return config;
    }

    /** A fresh 256-bit key, base64 (a personal-data key). */
    public static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    /** The first user, made DISTRICT_ADMIN with the bootstrap code of {@code config}. */
    public static Api.User admin(Map<String, String> config) {
        Api.User first = Api.resident();
        first.as().body(Map.of("code", config.get("tongxin.auth.bootstrap-admin-code"))).post("/api/invitations/accept")
                .then().statusCode(200);
        return Api.refresh(first);
    }

    /** A new user holding {@code role} in {@code scopeId}, invited by {@code by}. */
    public static Api.User invited(Api.User by, String role, Object scopeId) {
        String code = by.as().body(Map.of("role", role, "scopeId", scopeId, "maxUses", 1)).post("/api/invitations").then()
                .statusCode(201).extract().path("code");
        Api.User u = Api.resident();
        u.as().body(Map.of("code", code)).post("/api/invitations/accept").then().statusCode(200);
        return Api.refresh(u);
    }

    private static Path pem(Path file, String type, byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        return file;
    }
}
