package org.tongxin.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Posts markdown messages to WeCom group robots (企业微信群机器人):
 * {@code POST <base>/cgi-bin/webhook/send?key=<key>} with {@code {"msgtype":"markdown",…}}.
 * The key is the robot's secret: it is part of the URL here and nowhere else — never logged, and
 * no exception text (which could carry the URL) leaves this class, only the kind of failure.
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

    private final WeComConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    WeComRobots(WeComConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public SendOutcome sendMarkdown(String key, String content) {
        String body;
        try {
            body = json.writeValueAsString(Map.of("msgtype", "markdown", "markdown", Map.of("content", content)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("markdown message could not be written", e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.webhookBaseUrl() + "/cgi-bin/webhook/send?key="
                        + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                .timeout(config.timeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new SendOutcome(SendOutcome.Kind.TRANSIENT, 0, "no answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome(SendOutcome.Kind.TRANSIENT, 0, "interrupted");
        }
        if (response.statusCode() != 200) {
            return new SendOutcome(SendOutcome.Kind.TRANSIENT, response.statusCode(), "HTTP " + response.statusCode());
        }
        int errcode;
        try {
            JsonNode answer = json.readTree(response.body());
            errcode = answer.path("errcode").asInt(-2);
        } catch (JsonProcessingException e) {
            return new SendOutcome(SendOutcome.Kind.TRANSIENT, 0, "unreadable answer");
        }
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
}
