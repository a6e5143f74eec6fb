package org.tongxin.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One post to WeCom, guarded: a {@link Timeout} (5 s, {@code tongxin.wecom.timeout-millis}) and one
 * {@link CircuitBreaker} for the WeCom host (opened when half of the last 20 posts failed, for 30 s,
 * so a WeCom outage costs the relay no threads and no attempts: {@link WeComRobots#accepting()}).
 * No {@code @Retry}: a post is not idempotent (WeCom has no idempotency key), so the relay decides
 * what happens next from the outcome, never this layer.
 */
@ApplicationScoped
class WeComWebhook {

    /** The circuit breaker's name, for {@link io.smallrye.faulttolerance.api.CircuitBreakerMaintenance}. */
    static final String CIRCUIT = "wecom-webhook";

    private final WeComWebhookApi api;

    WeComWebhook(@RestClient WeComWebhookApi api) {
        this.api = api;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName(CIRCUIT)
    JsonNode post(String key, Map<String, Object> message) {
        return api.send(key, message);
    }
}
