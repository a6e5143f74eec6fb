package org.tongxin.support;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as written, for what no HTTP client will send: request targets
 * with raw {@code {}, |} or a broken {@code %} escape. Answers the raw response.
 */
public final class RawHttp {

    private RawHttp() {}

    public record Answer(int status, String head, String body) {}

    public static Answer get(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, split);
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, raw.substring(split + 4));
        }
    }
}
