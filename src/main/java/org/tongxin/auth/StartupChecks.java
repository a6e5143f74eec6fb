package org.tongxin.auth;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.tongxin.wechat.WeChatConfig;

/**
 * Refuses to start a production service that would be unsafe: the dev login switched on, no
 * WeChat credentials, or no configured JWT keys (dev and test generate throwaway keys; prod must not).
 */
@ApplicationScoped
public class StartupChecks {

    void check(@Observes StartupEvent ignored, AuthConfig auth, WeChatConfig wechat, Config config) {
        boolean prod = ConfigUtils.getProfiles().contains("prod");
        boolean keys = present(config, "smallrye.jwt.sign.key", "smallrye.jwt.sign.key.location")
                && present(config, "mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location");
        List<String> problems = problems(prod, auth.devLogin(), wechat.configured(), keys);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start: " + String.join("; ", problems));
        }
        if (prod) {
            auth.bootstrapAdminCode().filter(c -> !c.isBlank()).filter(c -> !strongEnough(c)).ifPresent(c -> {
                throw new IllegalStateException("refusing to start: tongxin.auth.bootstrap-admin-code must have at least "
                        + MIN_BOOTSTRAP_LENGTH + " letters, digits, _ or -, " + MIN_BOOTSTRAP_DISTINCT + " of them different "
                        + "(it makes its first acceptor DISTRICT_ADMIN)");
            });
        }
        if (auth.accessTokenTtl().toMinutes() > 30) {
            throw new IllegalStateException("tongxin.auth.access-token-ttl must be at most 30 minutes");
        }
        if (auth.devLogin() && !wechat.configured()) {
            Log.warn("DEV LOGIN IS ON: a code dev-<name> logs in as a fake user. Never in production.");
        }
    }

    static final int MIN_BOOTSTRAP_LENGTH = 16;
    static final int MIN_BOOTSTRAP_DISTINCT = 8;

    /** A bootstrap code must resist guessing: it is accepted without any other proof. */
    static boolean strongEnough(String code) {
        String c = code.strip();
        return c.length() >= MIN_BOOTSTRAP_LENGTH && c.chars().distinct().count() >= MIN_BOOTSTRAP_DISTINCT
                && c.matches("[A-Za-z0-9_-]+"); // what an invitation code may contain
    }

    /** What makes a configuration unsafe; empty when it may start. */
    static List<String> problems(boolean prod, boolean devLogin, boolean wechatConfigured, boolean jwtKeys) {
        List<String> out = new ArrayList<>();
        if (prod && devLogin) {
            out.add("tongxin.auth.dev-login must not be enabled in the prod profile");
        }
        if (prod && !wechatConfigured) {
            out.add("tongxin.wechat.app-id and tongxin.wechat.secret are required in the prod profile");
        }
        if (prod && !jwtKeys) {
            out.add("JWT keys are required in the prod profile (SMALLRYE_JWT_SIGN_KEY, MP_JWT_VERIFY_PUBLICKEY)");
        }
        return out;
    }

    private static boolean present(Config config, String... names) {
        for (String name : names) {
            if (config.getOptionalValue(name, String.class).filter(v -> !v.isBlank()).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
