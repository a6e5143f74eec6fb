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
            return read(socket);
        }
    }

    /** A POST whose body is sent chunked, without a Content-Length, so no size is declared up front. */
    public static Answer postChunked(String target, String accessToken, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            var out = socket.getOutputStream();
            out.write(("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + accessToken + "\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try {
                for (int i = 0; i < bytes.length; i += 8192) {
                    int n = Math.min(8192, bytes.length - i);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, i, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedEarly) {
                // The server may answer and close before the whole body is sent: read what it said.
            }
            return read(socket);
        }
    }

    private static Answer read(Socket socket) throws IOException {
        String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int split = raw.indexOf("\r\n\r\n");
        String head = raw.substring(0, split);
        return new Answer(Integer.parseInt(head.split(" ")[1]), head, raw.substring(split + 4));
    }
}
