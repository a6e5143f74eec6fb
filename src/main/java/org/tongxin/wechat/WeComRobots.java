package org.tongxin.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Posts markdown messages to WeCom group robots (企业微信群机器人) through {@link WeComWebhook} and
 * says what each post came to. The key is the robot's secret: it travels in the URL and nowhere
 * else — never logged, and no exception text (which could carry the URL) leaves this class, only
 * the kind of failure.
 */
@ApplicationScoped
public class WeComRobots {

    /** WeCom's limit on a markdown message's content, in UTF-8 bytes. */
    public static final int MAX_MARKDOWN_BYTES = 4096;

    /** errcodes that will not change by trying again: the key or the message is wrong. */
    private static final Map<Integer, String> PERMANENT = Map.of(
            93000, "invalid webhook url (the robot was removed or the key is wrong)",
            93004, "the robot is disabled",
            40008, "invalid message type",
            44004, "empty content",
            40058, "invalid content");
    private static final int FREQ_OUT_OF_LIMIT = 45009;

    private final WeComWebhook webhook;
    private final CircuitBreakerMaintenance breakers;

    WeComRobots(WeComWebhook webhook, CircuitBreakerMaintenance breakers) {
        this.webhook = webhook;
        this.breakers = breakers;
    }

    /** False while WeCom's circuit is open (it kept failing): posting now would only fail, so wait. */
    public boolean accepting() {
        return breakers.currentState(WeComWebhook.CIRCUIT) != CircuitBreakerState.OPEN;
    }

    /**
     * One post. {@link SendOutcome.Kind#UNKNOWN} when the request may have reached WeCom but no answer
     * came (a timeout, a connection lost mid-request): the message may be in the group, so the
     * caller must not post it again.
     */
    public SendOutcome sendMarkdown(String key, String content) {
        JsonNode answer;
        try {
            answer = webhook.post(key, Map.of("msgtype", "markdown", "markdown", Map.of("content", content)));
        } catch (TimeoutException e) {
            return new SendOutcome(SendOutcome.Kind.UNKNOWN, 0, "no answer in time");
        } catch (CircuitBreakerOpenException e) {
            return new SendOutcome(SendOutcome.Kind.TRANSIENT, 0, "not posted: WeCom kept failing (circuit open)");
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return new SendOutcome(SendOutcome.Kind.TRANSIENT, status, "HTTP " + status);
        } catch (ProcessingException e) {
            return failedBeforeAnAnswer(e);
        }
        int errcode = answer == null ? -2 : answer.path("errcode").asInt(-2);
        if (errcode == 0) {
            return SendOutcome.sent();
        }
        if (errcode == FREQ_OUT_OF_LIMIT) {
            return new SendOutcome(SendOutcome.Kind.RATE_LIMITED, errcode, "errcode 45009: more than 20 messages a minute");
        }
        String permanent = PERMANENT.get(errcode);
        return permanent != null
                ? new SendOutcome(SendOutcome.Kind.PERMANENT, errcode, "errcode " + errcode + ": " + permanent)
                : new SendOutcome(SendOutcome.Kind.TRANSIENT, errcode, "errcode " + errcode);
    }

    /** No connection means nothing was posted (try again); anything later in the exchange is unknown. */
    private static SendOutcome failedBeforeAnAnswer(ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
                return new SendOutcome(SendOutcome.Kind.TRANSIENT, 0, "could not connect (" + cause.getClass().getSimpleName() + ")");
            }
            if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return new SendOutcome(SendOutcome.Kind.TRANSIENT, 0, "unreadable answer");
            }
        }
        return new SendOutcome(SendOutcome.Kind.UNKNOWN, 0, "connection lost before an answer ("
                + (e.getCause() != null ? e.getCause() : e).getClass().getSimpleName() + ")");
    }
}
